using Engine.Orders;
using Feeds;
using Feeds.Instruments;
using Microsoft.Extensions.Logging;

namespace Engine.Venues.Alpaca;

/// <summary>
/// The Alpaca venue on its gateway thread: places and cancels orders over REST one at a time, holds
/// new orders back while the trade_updates stream is down or not yet reconciled, resolves orders whose
/// POST ended unknown by looking them up (never by resending), and moves every report (its own, the
/// stream's, the reconciler's) into the inbound ring in order.
/// </summary>
/// <remarks>
/// <para>Threads: <see cref="OnCommand"/> and <see cref="OnIdle"/> run on the gateway thread and wait
/// there for REST answers (the client rate-limits and retries). Reports are made by the
/// <see cref="AlpacaOrderLedger"/> on whichever thread sees them and reach a
/// <see cref="QueuedExecutionSink"/> the gateway thread drains. <see cref="OnStreamStateChanged"/>
/// only takes note (any thread). <see cref="ReconcileAtStartUp"/> runs on the host thread before the
/// gateway thread starts.</para>
/// <para>Ready (<see cref="IsReady"/>) means: the stream is up and a reconciliation finished since it
/// came up. Until then new orders wait in <see cref="Held"/>, in order; cancels are always sent (a
/// cancel can never create exposure), and a cancel of an order still held removes it here and reports
/// it canceled, since it never left.</para>
/// <para>Positions the venue holds at start-up are reported once as fills of no known order (client
/// order id 0), which the router applies to the positions: the engine then starts from the account's
/// real exposure, and the differences are logged by the reconciler.</para>
/// </remarks>
public sealed class AlpacaVenueHandler : IVenueHandler
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly IAlpacaTradingApi _api;
    private readonly AlpacaReconciler _reconciler;
    private readonly AlpacaOrderLedger _ledger;
    private readonly QueuedExecutionSink _venueReports;
    private readonly InstrumentTable _instruments;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<long, OpenOrder> _open = [];
    private readonly Dictionary<int, long> _positions = [];
    private readonly Queue<OrderCommand> _held = new();
    private readonly List<OrderCommand> _unresolved = [];
    private int _streamUp;
    private long _streamEpoch;
    private long _reconciledEpoch = -1;
    private bool _positionsAdopted;
    private long _nextReconcileTicks;
    private long _nextResolveTicks;
    private int _heldNow;
    private long _heldTotal;
    private long _placed;
    private long _rejected;
    private long _unknown;
    private long _reconciliations;

    /// <summary>Creates the handler over <paramref name="api"/>; reports go through <paramref name="ledger"/> into <paramref name="venueReports"/>.</summary>
    public AlpacaVenueHandler(IAlpacaTradingApi api, AlpacaReconciler reconciler, AlpacaOrderLedger ledger, QueuedExecutionSink venueReports,
        InstrumentTable instruments, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(venueReports);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(logger);
        _api = api;
        _reconciler = reconciler;
        _ledger = ledger;
        _venueReports = venueReports;
        _instruments = instruments;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Whether orders go out now: the stream is up and reconciled since it came up. Any thread.</summary>
    public bool IsReady => Volatile.Read(ref _streamUp) != 0 && Volatile.Read(ref _reconciledEpoch) == Volatile.Read(ref _streamEpoch);

    /// <summary>New orders held back now. Any thread.</summary>
    public int Held => Volatile.Read(ref _heldNow);

    /// <summary>New orders ever held back. Any thread.</summary>
    public long HeldTotal => Interlocked.Read(ref _heldTotal);

    /// <summary>Orders the venue accepted on POST. Any thread.</summary>
    public long Placed => Interlocked.Read(ref _placed);

    /// <summary>Orders rejected (by the venue, or unsendable). Any thread.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>POSTs whose outcome was unknown (looked up afterwards, never resent). Any thread.</summary>
    public long Unknown => Interlocked.Read(ref _unknown);

    /// <summary>Complete reconciliations (start-up included). Any thread.</summary>
    public long Reconciliations => Interlocked.Read(ref _reconciliations);

    /// <summary>Takes note that the stream went up or down (the stream's I/O thread); the gateway thread reconciles on its next idle turn.</summary>
    public void OnStreamStateChanged(object? sender, AlpacaStreamStateChangedEventArgs change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // The flag first, then the epoch: a reader that sees the new epoch sees the new flag.
        Volatile.Write(ref _streamUp, change.IsUp ? 1 : 0);
        Interlocked.Increment(ref _streamEpoch);
    }

    /// <summary>
    /// The start-up reconciliation, before the stream and the gateway thread start: loads open orders
    /// and positions, logs the differences, and reports the venue's positions as fills of no known
    /// order. False when it could not complete (the gateway tries again once the stream is up;
    /// orders are held meanwhile). Host thread.
    /// </summary>
    public bool ReconcileAtStartUp(CancellationToken cancellation) => TryReconcile(cancellation);

    /// <inheritdoc />
    public void OnCommand(ref OrderCommand command, IExecutionSink reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        Drain(reports);
        if (command.Kind == OrderCommandKind.New)
        {
            _open[command.ClientOrderId] = new OpenOrder(command.InstrumentId, command.Side, command.Quantity);
            if (_held.Count > 0 || !IsReady)
            {
                Hold(in command);
            }
            else
            {
                Place(in command);
            }
        }
        else if (command.Kind == OrderCommandKind.Cancel)
        {
            Cancel(in command);
        }
        Drain(reports);
    }

    /// <inheritdoc />
    public void OnIdle(IExecutionSink reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        Drain(reports);
        long now = _time.GetTimestamp();
        long epoch = Volatile.Read(ref _streamEpoch);
        if (Volatile.Read(ref _streamUp) != 0 && epoch != _reconciledEpoch && now >= _nextReconcileTicks)
        {
            if (TryReconcile(CancellationToken.None) && Volatile.Read(ref _streamEpoch) == epoch)
            {
                Volatile.Write(ref _reconciledEpoch, epoch);
                AlpacaVenueLog.Ready(_logger, _held.Count);
            }
            else
            {
                _nextReconcileTicks = now + (long)(RetryInterval.TotalSeconds * _time.TimestampFrequency);
            }
            Drain(reports);
        }
        while (_held.Count > 0 && IsReady)
        {
            var next = _held.Dequeue();
            Volatile.Write(ref _heldNow, _held.Count);
            Place(in next);
            Drain(reports);
        }
        if (_unresolved.Count > 0 && now >= _nextResolveTicks)
        {
            Resolve();
            Drain(reports);
        }
    }

    private void Hold(in OrderCommand command)
    {
        _held.Enqueue(command);
        Volatile.Write(ref _heldNow, _held.Count);
        Interlocked.Increment(ref _heldTotal);
        if (_held.Count == 1)
        {
            // Once per spell of holding: the count (Held, and the ready line) tells the rest.
            AlpacaVenueLog.Holding(_logger, ClientOrderIds.Format(command.ClientOrderId));
        }
    }

    private void Place(in OrderCommand command)
    {
        var state = AlpacaOrderRequests.StateOf(in command, _instruments);
        if (!AlpacaOrderRequests.TryCreate(in command, _instruments, out var request))
        {
            AlpacaVenueLog.Unmappable(_logger, ClientOrderIds.Format(command.ClientOrderId));
            Reject(in state, VenueRejectReason.InvalidOrder);
            return;
        }
        var result = _api.PlaceOrderAsync(request!, CancellationToken.None).GetAwaiter().GetResult();
        switch (result.Outcome)
        {
            case AlpacaOutcome.Ok:
                Interlocked.Increment(ref _placed);
                // The venue's own order may already show fills; the ledger reports them once, before the acknowledgement.
                var accepted = result.Order is not null && AlpacaOrderState.TryParse(result.Order, _instruments, out var venue) == AlpacaOrderParse.Ok ? venue : state;
                _ledger.Apply(in accepted, ExecutionKind.Accepted, VenueRejectReason.None, 0, 0, 0);
                break;
            case AlpacaOutcome.Refused:
                var reason = result.Error?.Reason ?? VenueRejectReason.Other;
                AlpacaVenueLog.OrderRefused(_logger, request!.ClientOrderId, result.Error?.HttpStatus ?? 0, result.Error?.Code ?? 0, reason, result.Error?.Message ?? "");
                Reject(in state, reason);
                break;
            default:
                Interlocked.Increment(ref _unknown);
                AlpacaVenueLog.OrderUnknown(_logger, request!.ClientOrderId, result.Error?.HttpStatus ?? 0, result.Error?.Code ?? 0);
                _unresolved.Add(command);
                break;
        }
    }

    private void Reject(in AlpacaOrderState state, VenueRejectReason reason)
    {
        Interlocked.Increment(ref _rejected);
        _ledger.Apply(in state, ExecutionKind.Rejected, reason, 0, 0, 0);
    }

    private void Cancel(in OrderCommand command)
    {
        long id = command.ClientOrderId;
        var state = _open.TryGetValue(id, out var open)
            ? new AlpacaOrderState(id, open.InstrumentId, PriceDecimalsOf(open.InstrumentId), open.Side, open.Quantity, 0, 0, 0)
            : AlpacaOrderRequests.StateOf(in command, _instruments);
        if (RemoveHeld(id))
        {
            // It never left the engine: cancelled here.
            _ledger.Apply(in state, ExecutionKind.Canceled, VenueRejectReason.None, 0, 0, 0);
            return;
        }
        var result = _api.CancelOrderAsync(ClientOrderIds.Format(id), CancellationToken.None).GetAwaiter().GetResult();
        if (result.Outcome == AlpacaOutcome.Ok)
        {
            // The stream (or the next reconciliation) reports pending_cancel and canceled.
            return;
        }
        // Unknown: the cancel may still take effect, and the stream then reports it; until then the order stands.
        var reason = result.Outcome == AlpacaOutcome.Refused ? result.Error?.Reason ?? VenueRejectReason.Other : VenueRejectReason.VenueUnavailable;
        AlpacaVenueLog.CancelRefused(_logger, ClientOrderIds.Format(id), result.Outcome, result.Error?.HttpStatus ?? 0, result.Error?.Code ?? 0, reason);
        _ledger.Apply(in state, ExecutionKind.CancelRejected, reason, 0, 0, 0);
    }

    private bool RemoveHeld(long clientOrderId)
    {
        bool found = false;
        int count = _held.Count;
        for (int i = 0; i < count; i++)
        {
            var command = _held.Dequeue();
            if (command.ClientOrderId == clientOrderId && !found)
            {
                found = true;
                continue;
            }
            _held.Enqueue(command);
        }
        Volatile.Write(ref _heldNow, _held.Count);
        return found;
    }

    /// <summary>Looks up orders whose POST ended unknown, oldest first; stops at the first lookup that fails and tries again later.</summary>
    private void Resolve()
    {
        while (_unresolved.Count > 0)
        {
            var command = _unresolved[0];
            string id = ClientOrderIds.Format(command.ClientOrderId);
            var lookup = _api.GetOrderByClientOrderIdAsync(id, CancellationToken.None).GetAwaiter().GetResult();
            if (lookup.Outcome != AlpacaOutcome.Ok)
            {
                _nextResolveTicks = _time.GetTimestamp() + (long)(RetryInterval.TotalSeconds * _time.TimestampFrequency);
                return;
            }
            _unresolved.RemoveAt(0);
            var state = AlpacaOrderRequests.StateOf(in command, _instruments);
            if (lookup.Value is null)
            {
                AlpacaVenueLog.OrderResolved(_logger, id, "absent");
                Reject(in state, VenueRejectReason.VenueUnavailable);
                continue;
            }
            AlpacaVenueLog.OrderResolved(_logger, id, lookup.Value.Status);
            if (AlpacaOrderState.TryParse(lookup.Value, _instruments, out var venue) == AlpacaOrderParse.Ok)
            {
                state = venue;
            }
            var kind = AlpacaTradeEvents.FinalStatusKind(lookup.Value.Status);
            if (kind == ExecutionKind.None)
            {
                Interlocked.Increment(ref _placed);
                kind = ExecutionKind.Accepted;
            }
            _ledger.Apply(in state, kind, kind == ExecutionKind.Rejected ? VenueRejectReason.Other : VenueRejectReason.None, 0, 0, 0);
        }
    }

    /// <summary>Reconciles the orders sent (not those held or unresolved) and the positions seen; the first time it completes, adopts the venue's positions.</summary>
    private bool TryReconcile(CancellationToken cancellation)
    {
        var orders = new List<EngineOrderView>(_open.Count);
        foreach (var (id, open) in _open)
        {
            if (!IsHeldOrUnresolved(id))
            {
                orders.Add(new EngineOrderView(id, open.InstrumentId, open.Side, open.Quantity, open.Filled, open.ValueTicks));
            }
        }
        var positions = new List<EnginePositionView>(_positions.Count);
        foreach (var (id, quantity) in _positions)
        {
            positions.Add(new EnginePositionView(id, quantity));
        }
        var result = _reconciler.ReconcileAsync(orders, positions, cancellation).GetAwaiter().GetResult();
        if (!result.Complete)
        {
            AlpacaVenueLog.ReconcileRetry(_logger, (int)RetryInterval.TotalMilliseconds);
            return false;
        }
        if (!_positionsAdopted)
        {
            if (!AdoptPositions(result.Reports, cancellation))
            {
                return false;
            }
            _positionsAdopted = true;
        }
        Interlocked.Increment(ref _reconciliations);
        return true;
    }

    /// <summary>
    /// Reports each venue position beyond what the engine holds (its positions plus the fills the
    /// reconciliation just reported) as a fill of no known order, at the position's average entry price.
    /// </summary>
    private bool AdoptPositions(IReadOnlyList<ExecutionReport> justReported, CancellationToken cancellation)
    {
        var venue = _api.GetPositionsAsync(cancellation).GetAwaiter().GetResult();
        if (venue.Outcome != AlpacaOutcome.Ok)
        {
            AlpacaVenueLog.ReconcileRetry(_logger, (int)RetryInterval.TotalMilliseconds);
            return false;
        }
        var engine = new Dictionary<int, long>(_positions);
        foreach (var report in justReported)
        {
            if (report.LastQuantity > 0)
            {
                engine[report.InstrumentId] = engine.GetValueOrDefault(report.InstrumentId) + (report.Side == Side.Buy ? report.LastQuantity : -report.LastQuantity);
            }
        }
        foreach (var position in venue.Value)
        {
            if (!_instruments.TryGetId(position.Symbol, out int instrumentId)
                || !AlpacaDecimals.TryParseTicksRounded(position.Qty, 0, out long quantity, out bool fractional) || fractional)
            {
                // The reconciler has logged it (unknown symbol, unreadable or fractional quantity).
                continue;
            }
            long delta = quantity - engine.GetValueOrDefault(instrumentId);
            if (delta == 0 || !AlpacaDecimals.TryParseTicksRounded(position.AvgEntryPrice, PriceDecimalsOf(instrumentId), out long priceTicks, out _) || priceTicks <= 0)
            {
                continue;
            }
            AlpacaVenueLog.PositionAdopted(_logger, position.Symbol, delta, position.AvgEntryPrice);
            long size = Math.Abs(delta);
            _venueReports.Publish(new ExecutionReport
            {
                Kind = ExecutionKind.Fill,
                Side = delta > 0 ? Side.Buy : Side.Sell,
                InstrumentId = instrumentId,
                LastQuantity = size,
                LastPriceTicks = priceTicks,
                CumulativeQuantity = size,
            });
        }
        return true;
    }

    private bool IsHeldOrUnresolved(long clientOrderId)
    {
        foreach (var command in _held)
        {
            if (command.ClientOrderId == clientOrderId)
            {
                return true;
            }
        }
        foreach (var command in _unresolved)
        {
            if (command.ClientOrderId == clientOrderId)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Moves the queued reports into the ring's sink, keeping the gateway's view of open orders and positions (for reconciliation) up to date.</summary>
    private void Drain(IExecutionSink reports)
    {
        while (_venueReports.TryTake(out var report))
        {
            Observe(in report);
            reports.Publish(in report);
        }
    }

    private void Observe(in ExecutionReport report)
    {
        bool isFill = report.Kind is ExecutionKind.Fill or ExecutionKind.PartialFill;
        if (isFill)
        {
            long signed = report.Side == Side.Buy ? report.LastQuantity : -report.LastQuantity;
            _positions[report.InstrumentId] = _positions.GetValueOrDefault(report.InstrumentId) + signed;
        }
        if (!_open.TryGetValue(report.ClientOrderId, out var open))
        {
            return;
        }
        if (isFill)
        {
            open.Filled += report.LastQuantity;
            open.ValueTicks += (Int128)report.LastQuantity * report.LastPriceTicks;
        }
        if (report.Kind is ExecutionKind.Fill or ExecutionKind.Canceled or ExecutionKind.Expired or ExecutionKind.Rejected or ExecutionKind.Replaced)
        {
            _open.Remove(report.ClientOrderId);
        }
    }

    private int PriceDecimalsOf(int instrumentId) => (uint)instrumentId < (uint)_instruments.Count ? _instruments[instrumentId].PriceDecimals : 0;

    /// <summary>An order the gateway sent or holds, as it reconciles it. A class: updated in place in the dictionary.</summary>
    private sealed class OpenOrder(int instrumentId, Side side, long quantity)
    {
        public int InstrumentId { get; } = instrumentId;

        public Side Side { get; } = side;

        public long Quantity { get; } = quantity;

        public long Filled { get; set; }

        public Int128 ValueTicks { get; set; }
    }
}
