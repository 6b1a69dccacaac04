using System.Text.Json.Serialization;

namespace Engine.Backtest;

/// <summary>
/// A backtest report as its JSON has it, property for property (camelCase, in this order): the run, the
/// figures, the order counts, the latency and, in the full report, the equity curve, the round trips and
/// the fills. Built by <see cref="BacktestReport"/>; written by <see cref="BacktestReportJsonContext"/>.
/// </summary>
/// <remarks>A ratio that cannot be computed (no returns, no losing period, no reference) is null, not left out.</remarks>
internal sealed record BacktestReportDocument(
    string Name,
    string Format,
    string Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Orderbook,
    string Strategy,
    int Events,
    long EventsHandled,
    long Malformed,
    long HandlerFaults,
    ReportBookErrors BookErrors,
    long CrossedOrLockedEvents,
    BacktestInstrument[] Instruments,
    long FirstEventNs,
    long LastEventNs,
    string Currency,
    decimal CapitalCents,
    long IntervalMs,
    double SecondsPerYear,
    ReportPnl Pnl,
    int Returns,
    double PeriodsPerYear,
    double? Sharpe,
    double? Sortino,
    decimal MaxDrawdownCents,
    double MaxDrawdownPct,
    ReportTrades Trades,
    int Fills,
    decimal TradedNotionalCents,
    double Turnover,
    ReportSlippage Slippage,
    ReportOrders Orders,
    ReportVenue Venue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReportTwap? Twap,
    ReportLatency Latency,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Files,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<EquityPoint>? Equity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReportRoundTrip[]? RoundTrips,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReportFill[]? FillList);

/// <summary>Market events the books could not apply exactly (<see cref="Book.BookError"/>), in all and by kind.</summary>
internal sealed record ReportBookErrors(long Total, IReadOnlyDictionary<string, long> ByKind);

/// <summary>Net, realised and unrealised P&amp;L and fees, cents.</summary>
internal sealed record ReportPnl(decimal NetCents, decimal RealisedCents, decimal UnrealisedCents, decimal FeesCents);

/// <summary>Round trips closed, won and still open, and the share won.</summary>
internal sealed record ReportTrades(int Closed, int Winning, int Open, double? WinRate);

/// <summary>Slippage realised against the decision's reference, and the estimate's, basis points.</summary>
internal sealed record ReportSlippage(int FillsWithReference, int FillsWithEstimate, double? RealisedBps, double? EstimatedBps, double? RealisedMinusEstimatedBps);

/// <summary>The strategy's intents, why risk refused them (by reason, those that occurred), the router's orders, and the fills the position table refused (not in the P&amp;L).</summary>
internal sealed record ReportOrders(long Submitted, long RefusedByRisk, IReadOnlyDictionary<string, long> RefusedFor, long Sent, long CancelsSent, long VenueRejects, long Fills, long FillsRefusedByPositions);

/// <summary>
/// The TWAP strategy's parent (the last one started): how much of it was done, and at what price
/// against its arrival mid. <c>ShortfallBps</c> is the implementation shortfall of the filled part,
/// positive when it cost (a buy filled above the arrival mid, a sell below).
/// </summary>
internal sealed record ReportTwap(string Side, long Quantity, long FilledQuantity, double CompletionPct, int Slices, int SlicesDone, int ChildrenSent, int ChildrenRefused,
    string Status, string EndReason, long ArrivalMidSubTicks, decimal? AverageFillSubTicks, double? ShortfallBps);

/// <summary>The paper venue's view of the run.</summary>
internal sealed record ReportVenue(long OrdersAccepted, long OrdersRejected, long RejectedNoLiquidity, long OrdersCanceled, long OrdersExpired, int RestingAtEnd, int HeldCommandsAtEnd, int HeldReportsAtEnd);

/// <summary>Wall-clock time per inbound event through the handler chain and for the whole run: the one part of a report that is not deterministic.</summary>
internal sealed record ReportLatency(string What, long Count, long P50Ns, long P90Ns, long P99Ns, long P999Ns, long MaxNs, double MeanNs, double RunMs, double MarketEventsPerSecond);

/// <summary>One round trip: flat to flat on one instrument.</summary>
internal sealed record ReportRoundTrip(int InstrumentId, string Side, long OpenNs, long CloseNs, long MaxQuantity, int Fills, decimal PnlCents);

/// <summary>One fill with the decision's reference and estimate.</summary>
internal sealed record ReportFill(
    long TsNs,
    int InstrumentId,
    long ClientOrderId,
    string Side,
    long Quantity,
    long PriceTicks,
    decimal FeeCents,
    decimal NotionalCents,
    long ReferenceSubTicks,
    long EstimatedSubTicks,
    double? RealisedSlippageBps,
    double? EstimatedSlippageBps);

/// <summary>The report's JSON, source-generated, camelCase; <see cref="Indented"/> for the full report file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BacktestReportDocument))]
internal sealed partial class BacktestReportJsonContext : JsonSerializerContext
{
    /// <summary>The same context writing indented JSON.</summary>
    public static BacktestReportJsonContext Indented { get; } = new(new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase, WriteIndented = true });
}
