using Engine.Orders;
using Feeds;
using Feeds.Instruments;
using Microsoft.Extensions.Logging;

namespace Engine.Venues.Alpaca;

/// <summary>
/// Brings the engine's view of its Alpaca orders up to the venue's, and reports what it cannot:
/// at start-up (before trading starts) and after every reconnect of the trade_updates stream.
/// </summary>
/// <remarks>
/// <para>It reads GET /v2/orders?status=open and GET /v2/positions, then:</para>
/// <list type="bullet">
/// <item>for each of the engine's open orders that is open at the venue, publishes a fill for any
/// quantity the venue filled beyond what was reported (through the <see cref="AlpacaOrderLedger"/>,
/// seeded with the engine's own filled quantity, so nothing is counted twice even while the
/// stream reports the same fill);</item>
/// <item>for each of the engine's open orders the venue no longer lists as open, looks it up by
/// client order id and publishes its missed fills and its end (canceled, expired, rejected,
/// replaced); an order the venue never had is reported as <see cref="AlpacaDifferenceKind.MissingAtVenue"/>
/// and left alone (the gateway may be holding it);</item>
/// <item>reports venue orders the engine does not know (and seeds the ledger with their filled
/// quantity, so that only their later fills are reported), foreign ones, mismatched orders, and
/// positions that differ from the engine's plus the fills just published.</item>
/// </list>
/// <para>At start-up, run it before the stream's transport starts: the ledger must know the
/// engine's fills before the first event arrives. Runs on a gateway thread; allocates freely. A failed read makes the result incomplete
/// (nothing more is done after a failed list; a failed lookup is a difference).</para>
/// </remarks>
public sealed class AlpacaReconciler
{
    private readonly IAlpacaTradingApi _api;
    private readonly AlpacaOrderLedger _ledger;
    private readonly InstrumentTable _instruments;
    private readonly ILogger _logger;

    /// <summary>Creates a reconciler reading through <paramref name="api"/> and publishing through <paramref name="ledger"/>.</summary>
    public AlpacaReconciler(IAlpacaTradingApi api, AlpacaOrderLedger ledger, InstrumentTable instruments, ILogger logger)
    {
        _api = api;
        _ledger = ledger;
        _instruments = instruments;
        _logger = logger;
    }

    /// <summary>Reconciles the engine's open <paramref name="orders"/> and <paramref name="positions"/> with the venue.</summary>
    public async Task<AlpacaReconcileResult> ReconcileAsync(IReadOnlyList<EngineOrderView> orders, IReadOnlyList<EnginePositionView> positions, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(positions);
        var reports = new List<ExecutionReport>();
        var differences = new List<AlpacaDifference>();
        var open = await _api.GetOpenOrdersAsync(cancellation).ConfigureAwait(false);
        if (open.Outcome != AlpacaOutcome.Ok)
        {
            return Failed("GET /v2/orders?status=open", open.Outcome, open.Error, reports, differences);
        }
        var venuePositions = await _api.GetPositionsAsync(cancellation).ConfigureAwait(false);
        if (venuePositions.Outcome != AlpacaOutcome.Ok)
        {
            return Failed("GET /v2/positions", venuePositions.Outcome, venuePositions.Error, reports, differences);
        }
        var engineOrders = new Dictionary<long, EngineOrderView>(orders.Count);
        foreach (var order in orders)
        {
            engineOrders[order.ClientOrderId] = order;
        }
        var openAtVenue = new HashSet<long>();
        foreach (var venueOrder in open.Value)
        {
            ReconcileOpenOrder(venueOrder, engineOrders, openAtVenue, reports, differences);
        }
        bool complete = true;
        AlpacaError? error = null;
        foreach (var order in orders)
        {
            if (openAtVenue.Contains(order.ClientOrderId))
            {
                continue;
            }
            string id = ClientOrderIds.Format(order.ClientOrderId);
            var lookup = await _api.GetOrderByClientOrderIdAsync(id, cancellation).ConfigureAwait(false);
            if (lookup.Outcome != AlpacaOutcome.Ok)
            {
                complete = false;
                error = lookup.Error;
                differences.Add(new AlpacaDifference(AlpacaDifferenceKind.LookupFailed, SymbolOf(order.InstrumentId), id, order.Quantity, 0,
                    $"{lookup.Outcome} {lookup.Error?.HttpStatus} {lookup.Error?.Code}"));
                continue;
            }
            if (lookup.Value is null)
            {
                differences.Add(new AlpacaDifference(AlpacaDifferenceKind.MissingAtVenue, SymbolOf(order.InstrumentId), id, order.Quantity, 0, "the venue has no such order"));
                continue;
            }
            if (Read(lookup.Value, differences, out var state) && Compare(in order, in state, lookup.Value, differences))
            {
                _ledger.Seed(order.ClientOrderId, order.FilledQuantity, order.FilledValueTicks);
                var kind = AlpacaTradeEvents.FinalStatusKind(lookup.Value.Status);
                _ledger.Apply(in state, kind, kind == ExecutionKind.Rejected ? VenueRejectReason.Other : VenueRejectReason.None, 0, 0, 0, reports);
            }
        }
        ComparePositions(positions, venuePositions.Value, reports, differences);
        foreach (var difference in differences)
        {
            AlpacaGatewayLog.Difference(_logger, difference.Kind, difference.Symbol, difference.ClientOrderId, difference.EngineQuantity, difference.VenueQuantity, difference.Detail);
        }
        AlpacaGatewayLog.Reconciled(_logger, open.Value.Count, venuePositions.Value.Count, reports.Count, differences.Count);
        return new AlpacaReconcileResult(complete, reports, differences, error);
    }

    private void ReconcileOpenOrder(AlpacaOrder venueOrder, Dictionary<long, EngineOrderView> engineOrders, HashSet<long> openAtVenue,
        List<ExecutionReport> reports, List<AlpacaDifference> differences)
    {
        if (!ClientOrderIds.TryParse(venueOrder.ClientOrderId, out long clientOrderId))
        {
            differences.Add(new AlpacaDifference(AlpacaDifferenceKind.ForeignVenueOrder, venueOrder.Symbol, venueOrder.ClientOrderId, 0, WholeOrZero(venueOrder.Qty), "not placed by the engine"));
            return;
        }
        openAtVenue.Add(clientOrderId);
        if (!engineOrders.TryGetValue(clientOrderId, out var engineOrder))
        {
            differences.Add(new AlpacaDifference(AlpacaDifferenceKind.UnknownVenueOrder, venueOrder.Symbol, venueOrder.ClientOrderId, 0, WholeOrZero(venueOrder.Qty),
                "open at the venue, unknown to the engine"));
            // What it filled before is in the venue's positions already (compared below); only its later fills are news.
            if (AlpacaOrderState.TryParse(venueOrder, _instruments, out var unknown) == AlpacaOrderParse.Ok)
            {
                _ledger.Seed(clientOrderId, unknown.FilledQuantity, 0);
            }
            return;
        }
        if (Read(venueOrder, differences, out var state) && Compare(in engineOrder, in state, venueOrder, differences))
        {
            _ledger.Seed(clientOrderId, engineOrder.FilledQuantity, engineOrder.FilledValueTicks);
            _ledger.Apply(in state, ExecutionKind.None, VenueRejectReason.None, 0, 0, 0, reports);
        }
    }

    /// <summary>Reads a venue order; a problem becomes a difference.</summary>
    private bool Read(AlpacaOrder venueOrder, List<AlpacaDifference> differences, out AlpacaOrderState state)
    {
        var parse = AlpacaOrderState.TryParse(venueOrder, _instruments, out state);
        if (parse == AlpacaOrderParse.Ok)
        {
            return true;
        }
        var kind = parse == AlpacaOrderParse.UnknownSymbol ? AlpacaDifferenceKind.UnknownSymbol : AlpacaDifferenceKind.Unreadable;
        differences.Add(new AlpacaDifference(kind, venueOrder.Symbol, venueOrder.ClientOrderId, 0, WholeOrZero(venueOrder.Qty), parse.ToString()));
        return false;
    }

    /// <summary>Whether the venue's order is the engine's (same instrument and side); a different quantity is reported but still reconciled.</summary>
    private static bool Compare(in EngineOrderView engine, in AlpacaOrderState venue, AlpacaOrder venueOrder, List<AlpacaDifference> differences)
    {
        if (engine.InstrumentId != venue.InstrumentId || engine.Side != venue.Side)
        {
            differences.Add(new AlpacaDifference(AlpacaDifferenceKind.OrderMismatch, venueOrder.Symbol, venueOrder.ClientOrderId, engine.Quantity, venue.Quantity,
                $"engine has instrument {engine.InstrumentId} {engine.Side}, venue {venue.InstrumentId} {venue.Side}; not reconciled"));
            return false;
        }
        if (engine.Quantity != venue.Quantity)
        {
            differences.Add(new AlpacaDifference(AlpacaDifferenceKind.OrderMismatch, venueOrder.Symbol, venueOrder.ClientOrderId, engine.Quantity, venue.Quantity, "quantity differs"));
        }
        return true;
    }

    /// <summary>Venue positions against the engine's plus the signed fills just published.</summary>
    private void ComparePositions(IReadOnlyList<EnginePositionView> positions, IReadOnlyList<AlpacaPosition> venuePositions, List<ExecutionReport> reports,
        List<AlpacaDifference> differences)
    {
        var expected = new Dictionary<int, long>();
        foreach (var position in positions)
        {
            expected[position.InstrumentId] = expected.GetValueOrDefault(position.InstrumentId) + position.Quantity;
        }
        foreach (var report in reports)
        {
            if (report.LastQuantity > 0)
            {
                long signed = report.Side == Side.Buy ? report.LastQuantity : -report.LastQuantity;
                expected[report.InstrumentId] = expected.GetValueOrDefault(report.InstrumentId) + signed;
            }
        }
        var seen = new HashSet<int>();
        foreach (var venue in venuePositions)
        {
            if (!_instruments.TryGetId(venue.Symbol, out int id))
            {
                differences.Add(new AlpacaDifference(AlpacaDifferenceKind.UnknownSymbol, venue.Symbol, "", 0, WholeOrZero(venue.Qty), "a position in a symbol the engine does not trade"));
                continue;
            }
            if (!AlpacaDecimals.TryParseQuantity(venue.Qty, out long quantity))
            {
                differences.Add(new AlpacaDifference(AlpacaDifferenceKind.Unreadable, venue.Symbol, "", expected.GetValueOrDefault(id), 0, "position qty '" + venue.Qty + "'"));
                seen.Add(id);
                continue;
            }
            seen.Add(id);
            long engineQuantity = expected.GetValueOrDefault(id);
            if (engineQuantity != quantity)
            {
                differences.Add(new AlpacaDifference(AlpacaDifferenceKind.PositionMismatch, venue.Symbol, "", engineQuantity, quantity, "position differs"));
            }
        }
        foreach (var (id, quantity) in expected)
        {
            if (quantity != 0 && !seen.Contains(id))
            {
                differences.Add(new AlpacaDifference(AlpacaDifferenceKind.PositionMismatch, SymbolOf(id), "", quantity, 0, "no position at the venue"));
            }
        }
    }

    private AlpacaReconcileResult Failed(string what, AlpacaOutcome outcome, AlpacaError? error, List<ExecutionReport> reports, List<AlpacaDifference> differences)
    {
        AlpacaGatewayLog.ReconcileFailed(_logger, what, outcome, error?.HttpStatus ?? 0, error?.Code ?? 0, error?.Message ?? "");
        return new AlpacaReconcileResult(false, reports, differences, error);
    }

    private string SymbolOf(int instrumentId) => (uint)instrumentId < (uint)_instruments.Count ? _instruments[instrumentId].Symbol : "#" + instrumentId;

    private static long WholeOrZero(string? text) => AlpacaDecimals.TryParseQuantity(text, out long value) ? value : 0;
}
