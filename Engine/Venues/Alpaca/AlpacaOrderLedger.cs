using Engine.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Venues.Alpaca;

/// <summary>
/// The one place the Alpaca gateway publishes execution reports from, shared by the trade_updates
/// stream and the reconciler: it remembers, per client order id, the cumulative quantity already
/// reported, so a fill is reported exactly once whichever of the two sees it first, and a fill
/// missed by one is reported by the other.
/// </summary>
/// <remarks>
/// <para>Fills come from the order's cumulative <c>filled_qty</c>, never from an event alone: the
/// report's quantity is <c>filled_qty</c> less what was reported before (a repeated or out-of-date
/// event adds nothing). Its price, in order of preference: (1) the event's <c>price</c> when the
/// event's <c>qty</c> is exactly that quantity (the usual case: one fill, one event); (2) when the
/// report covers fills that were never seen one by one and every earlier fill of the order went
/// through here, the price that brings the order's average to Alpaca's <c>filled_avg_price</c>:
/// (<c>filled_avg_price</c> x <c>filled_qty</c> - value already reported) / quantity, rounded to
/// the nearest tick; (3) the event's <c>price</c>; (4) <c>filled_avg_price</c> rounded to a tick.
/// With no price at all nothing is reported or remembered, so the next event or reconciliation
/// reports the fill.</para>
/// <para>A status report (accepted, canceled, ...) is suppressed once the order is final; a fill
/// never is, because shares that moved must reach the positions. Memory is bounded by
/// <c>maxTrackedOrders</c>: when full, the oldest finished order is forgotten; only if none is
/// finished, the oldest live one (counted and logged: the bound is too small).</para>
/// <para>Thread-safe: the stream's I/O thread and the reconciler's thread call it; one lock orders
/// the reports so that the sink sees each order's reports in cumulative order. Publishing happens
/// under that lock and may wait on a full ring. Allocates a little per new order.</para>
/// </remarks>
public sealed class AlpacaOrderLedger
{
    private readonly Lock _gate = new();
    private readonly IExecutionSink _sink;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly Dictionary<long, Entry> _entries;
    private readonly Queue<long> _finished = new();
    private Queue<long> _arrivals = new();
    private long _fills;
    private long _statusReports;
    private long _duplicateFills;
    private long _afterFinal;
    private long _unpriced;
    private long _finishedEvictions;
    private long _liveEvictions;

    /// <summary>Creates a ledger of at most <paramref name="capacity"/> orders publishing into <paramref name="sink"/>.</summary>
    public AlpacaOrderLedger(int capacity, IExecutionSink sink, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _sink = sink;
        _logger = logger;
        _entries = new Dictionary<long, Entry>(capacity);
    }

    /// <summary>Fill reports published.</summary>
    public long Fills => Interlocked.Read(ref _fills);

    /// <summary>Status reports published (accepted, canceled, expired, ...).</summary>
    public long StatusReports => Interlocked.Read(ref _statusReports);

    /// <summary>Fill events that added nothing to the cumulative quantity already reported (repeats, or older than what was reported).</summary>
    public long DuplicateFills => Interlocked.Read(ref _duplicateFills);

    /// <summary>Status reports not published because the order was already final.</summary>
    public long StatusesAfterFinal => Interlocked.Read(ref _afterFinal);

    /// <summary>Fills that could not be priced (no price, no average): not reported yet.</summary>
    public long Unpriced => Interlocked.Read(ref _unpriced);

    /// <summary>Finished orders forgotten to stay within the bound.</summary>
    public long FinishedEvictions => Interlocked.Read(ref _finishedEvictions);

    /// <summary>Live orders forgotten because every remembered order was live: the bound is too small.</summary>
    public long LiveEvictions => Interlocked.Read(ref _liveEvictions);

    /// <summary>Orders remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The cumulative quantity reported for <paramref name="clientOrderId"/>; false when the order is not remembered.</summary>
    public bool TryGetReported(long clientOrderId, out long cumulativeQuantity)
    {
        lock (_gate)
        {
            bool known = _entries.TryGetValue(clientOrderId, out var entry);
            cumulativeQuantity = known ? entry!.Cumulative : 0;
            return known;
        }
    }

    /// <summary>
    /// Tells the ledger what the engine already holds for an order (its filled quantity and value,
    /// sum of quantity x price in ticks), so that only fills beyond it are reported. Never lowers
    /// what the ledger remembers. A filled quantity without a value makes fill prices of the order
    /// come from the event or the average (rules 3 and 4).
    /// </summary>
    public void Seed(long clientOrderId, long filledQuantity, Int128 filledValueTicks)
    {
        lock (_gate)
        {
            var entry = GetOrAdd(clientOrderId);
            if (filledQuantity > entry.Cumulative)
            {
                entry.Cumulative = filledQuantity;
                entry.ValueTicks = filledValueTicks;
                entry.ValueKnown = filledValueTicks != 0;
            }
        }
    }

    /// <summary>
    /// Publishes what <paramref name="order"/> shows that was not reported yet: first a fill for any
    /// rise of its filled quantity, then <paramref name="statusKind"/> (none for
    /// <see cref="ExecutionKind.None"/>). Returns the number of reports published; each is also
    /// added to <paramref name="published"/> when given.
    /// </summary>
    /// <param name="order">The order as the venue shows it now.</param>
    /// <param name="statusKind">The status report to make, or None.</param>
    /// <param name="reject">The reason, for Rejected and CancelRejected.</param>
    /// <param name="eventPriceTicks">A fill event's <c>price</c> in ticks; 0 when not a fill event.</param>
    /// <param name="eventQuantity">A fill event's <c>qty</c>; 0 when not a fill event (a fill event that adds nothing is counted as a duplicate).</param>
    /// <param name="venueTsNs">The venue's time of the event, Unix ns; 0 when unknown.</param>
    /// <param name="published">Collects the reports published, or null.</param>
    public int Apply(in AlpacaOrderState order, ExecutionKind statusKind, VenueRejectReason reject, long eventPriceTicks, long eventQuantity,
        long venueTsNs, List<ExecutionReport>? published = null)
    {
        lock (_gate)
        {
            var entry = GetOrAdd(order.ClientOrderId);
            int count = 0;
            long delta = order.FilledQuantity - entry.Cumulative;
            if (delta > 0)
            {
                if (!TryPrice(in order, entry, delta, eventPriceTicks, eventQuantity, out long priceTicks))
                {
                    _unpriced++;
                    return 0;
                }
                bool complete = order.FilledQuantity >= order.Quantity;
                var fill = Report(in order, complete ? ExecutionKind.Fill : ExecutionKind.PartialFill, VenueRejectReason.None, venueTsNs);
                fill.LastQuantity = delta;
                fill.LastPriceTicks = priceTicks;
                fill.CumulativeQuantity = order.FilledQuantity;
                fill.LeavesQuantity = complete || IsFinal(statusKind) ? 0 : order.Quantity - order.FilledQuantity;
                Publish(in fill, published);
                _fills++;
                count++;
                entry.Cumulative = order.FilledQuantity;
                entry.ValueTicks += (Int128)delta * priceTicks;
                if (complete)
                {
                    Finish(order.ClientOrderId, entry);
                }
            }
            else if (eventQuantity > 0)
            {
                _duplicateFills++;
            }
            if (statusKind == ExecutionKind.None)
            {
                return count;
            }
            if (entry.Final)
            {
                _afterFinal++;
                return count;
            }
            var status = Report(in order, statusKind, reject, venueTsNs);
            status.CumulativeQuantity = entry.Cumulative;
            status.LeavesQuantity = IsFinal(statusKind) ? 0 : Math.Max(0, order.Quantity - entry.Cumulative);
            Publish(in status, published);
            _statusReports++;
            if (IsFinal(statusKind))
            {
                Finish(order.ClientOrderId, entry);
            }
            return count + 1;
        }
    }

    private static bool IsFinal(ExecutionKind kind) =>
        kind is ExecutionKind.Canceled or ExecutionKind.Expired or ExecutionKind.Rejected or ExecutionKind.Replaced;

    private static ExecutionReport Report(in AlpacaOrderState order, ExecutionKind kind, VenueRejectReason reject, long venueTsNs) => new()
    {
        Kind = kind,
        Reject = reject,
        Side = order.Side,
        InstrumentId = order.InstrumentId,
        ClientOrderId = order.ClientOrderId,
        VenueTsNs = venueTsNs,
    };

    private static bool TryPrice(in AlpacaOrderState order, Entry entry, long delta, long eventPriceTicks, long eventQuantity, out long priceTicks)
    {
        if (eventPriceTicks > 0 && eventQuantity == delta)
        {
            priceTicks = eventPriceTicks;
            return true;
        }
        Int128 scale = Pow10(order.AveragePriceExtraDecimals);
        if (order.FilledAveragePriceScaled > 0 && (entry.ValueKnown || entry.Cumulative == 0))
        {
            Int128 remaining = ((Int128)order.FilledAveragePriceScaled * order.FilledQuantity) - (entry.ValueTicks * scale);
            priceTicks = (long)RoundedDivide(remaining, delta * scale);
            if (priceTicks > 0)
            {
                return true;
            }
        }
        if (eventPriceTicks > 0)
        {
            priceTicks = eventPriceTicks;
            return true;
        }
        priceTicks = (long)RoundedDivide(order.FilledAveragePriceScaled, scale);
        return priceTicks > 0;
    }

    /// <summary>n / d rounded half away from zero; d &gt; 0.</summary>
    private static Int128 RoundedDivide(Int128 n, Int128 d) => n >= 0 ? (n + (d / 2)) / d : -((-n + (d / 2)) / d);

    private static Int128 Pow10(int exponent)
    {
        Int128 value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }
        return value;
    }

    private void Publish(in ExecutionReport report, List<ExecutionReport>? published)
    {
        _sink.Publish(in report);
        published?.Add(report);
    }

    private void Finish(long clientOrderId, Entry entry)
    {
        if (!entry.Final)
        {
            entry.Final = true;
            _finished.Enqueue(clientOrderId);
        }
    }

    private Entry GetOrAdd(long clientOrderId)
    {
        if (_entries.TryGetValue(clientOrderId, out var entry))
        {
            return entry;
        }
        if (_entries.Count >= _capacity)
        {
            MakeRoom();
        }
        entry = new Entry();
        _entries.Add(clientOrderId, entry);
        _arrivals.Enqueue(clientOrderId);
        if (_arrivals.Count > 2 * _capacity)
        {
            CompactArrivals();
        }
        return entry;
    }

    private void MakeRoom()
    {
        while (_finished.TryDequeue(out long id))
        {
            if (_entries.TryGetValue(id, out var entry) && entry.Final)
            {
                _entries.Remove(id);
                _finishedEvictions++;
                return;
            }
        }
        while (_arrivals.TryDequeue(out long id))
        {
            if (_entries.Remove(id))
            {
                if (_liveEvictions++ == 0)
                {
                    AlpacaGatewayLog.LiveOrderForgotten(_logger, ClientOrderIds.Format(id), _capacity);
                }
                return;
            }
        }
    }

    /// <summary>Drops ids of orders already forgotten from the arrival queue, which would otherwise grow with every finished order.</summary>
    private void CompactArrivals()
    {
        var kept = new Queue<long>(_entries.Count);
        foreach (long id in _arrivals)
        {
            if (_entries.ContainsKey(id))
            {
                kept.Enqueue(id);
            }
        }
        _arrivals = kept;
    }

    /// <summary>What is remembered of one order. A class: the dictionary hands out the same instance to update in place.</summary>
    private sealed class Entry
    {
        public long Cumulative;
        public Int128 ValueTicks;
        public bool ValueKnown = true;
        public bool Final;
    }
}
