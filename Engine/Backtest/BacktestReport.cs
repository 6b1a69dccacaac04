using System.Text.Json;
using HdrHistogram;
using Engine.Book;
using Engine.Orders;
using Engine.Risk;
using Engine.Strategies;
using Feeds;

namespace Engine.Backtest;

/// <summary>
/// Writes a backtest's report as JSON: the run, the figures (<see cref="BacktestFigures"/>), the
/// order counts, the latency distribution and, in the full report, the equity curve, the round trips
/// and the fills. The summary is the same without the three lists.
/// </summary>
/// <remarks>
/// Everything but <c>latency</c> is a function of the data, the configuration and the strategy: two
/// runs of the same file write the same report except that object.
/// </remarks>
public sealed class BacktestReport(BacktestOptions run, string name, BacktestData data, BacktestRecorder recorder, BacktestFigures figures, BacktestRunner runner)
{
    /// <summary>The figures.</summary>
    public BacktestFigures Figures => figures;

    /// <summary>The currency the money adds up in: a Kraken run's quote currency (one for all its pairs), else USD.</summary>
    public string Currency { get; } = run.Format == BacktestFormat.Kraken && data.Instruments.Count > 0 ? KrakenBacktestData.QuoteCurrency(data.Instruments[0].Symbol) : "USD";

    /// <summary>The strategy's name (<c>None</c> without one).</summary>
    public string StrategyName => runner.Pipeline.Strategy.Strategy?.Name ?? StrategyKind.None.ToString();

    /// <summary>What the run recorded: fills, round trips, the curve, the latency.</summary>
    public BacktestRecorder Recorder => recorder;

    /// <summary>The runner, for the engine's state after the run.</summary>
    public BacktestRunner Runner => runner;

    /// <summary>The events the books could not apply exactly, by kind.</summary>
    public BookErrorCounts BookErrors { get; } = BookErrorCounts.Read(runner.Pipeline.Books);

    /// <summary>Market events after which their instrument's book was crossed or locked (best bid at or above best ask).</summary>
    public long CrossedOrLockedEvents { get; } = CountCrossedOrLocked(runner.Pipeline.Books);

    /// <summary>The report as JSON; <paramref name="full"/> adds the curve, round trips and fills (indented), <paramref name="files"/> names the files written (summary).</summary>
    public string ToJson(bool full, IReadOnlyList<string>? files = null)
    {
        var context = full ? BacktestReportJsonContext.Indented : BacktestReportJsonContext.Default;
        return JsonSerializer.Serialize(Document(full, files), context.BacktestReportDocument);
    }

    private BacktestReportDocument Document(bool full, IReadOnlyList<string>? files)
    {
        RouterCounters router = runner.Pipeline.Router.Snapshot;
        var venue = runner.Venue.Matcher;
        return new BacktestReportDocument(
            name,
            run.Format.ToString().ToLowerInvariant(),
            Path.GetFileName(run.DataPath),
            run.OrderbookPath is null ? null : Path.GetFileName(run.OrderbookPath),
            StrategyName,
            data.Events.Length,
            runner.Pipeline.Counter.Handled,
            data.Malformed,
            runner.Pipeline.Faults.FaultCount,
            new ReportBookErrors(BookErrors.Total, BookErrors.ByKind()),
            CrossedOrLockedEvents,
            [.. data.Instruments],
            data.Events.Length > 0 ? data.Events[0].TsEventNs : 0,
            runner.Clock.UtcNowNs(),
            Currency,
            recorder.CapitalCents,
            recorder.IntervalNs / 1_000_000,
            run.SecondsPerYear,
            new ReportPnl(figures.NetPnlCents, figures.RealisedCents, figures.UnrealisedCents, figures.FeesCents),
            figures.Returns,
            figures.PeriodsPerYear,
            Rounded(figures.Sharpe),
            Rounded(figures.Sortino),
            figures.MaxDrawdownCents,
            figures.MaxDrawdownPct,
            new ReportTrades(figures.ClosedTrades, figures.WinningTrades, figures.OpenTrades, Rounded(figures.WinRate)),
            figures.Fills,
            figures.TradedNotionalCents,
            figures.Turnover,
            new ReportSlippage(figures.FillsWithReference, figures.FillsWithEstimate, Rounded(figures.RealisedSlippageBps), Rounded(figures.EstimatedSlippageBps), Rounded(figures.RealisedMinusEstimatedBps)),
            new ReportOrders(IntentsChecked, IntentsRefused, RefusedFor, router.Sent, router.CancelsSent, router.VenueRejects, router.Fills, router.FillsRefusedByPositions),
            new ReportVenue(venue.OrdersAccepted, venue.OrdersRejected, venue.RejectedNoLiquidity, venue.OrdersCanceled, venue.OrdersExpired, venue.RestingOrderCount, venue.HeldCommandCount, venue.HeldReportCount),
            Twap(),
            Latency(),
            files,
            full ? recorder.Equity : null,
            full ? [.. recorder.Trades.Select(t => new ReportRoundTrip(t.InstrumentId, t.IsLong ? "long" : "short", t.OpenNs, t.CloseNs, t.MaxQuantity, t.Fills, t.PnlCents))] : null,
            full ? [.. recorder.Fills.Select(f => new ReportFill(f.TsNs, f.InstrumentId, f.ClientOrderId, f.Side.ToString().ToLowerInvariant(), f.Quantity, f.PriceTicks, f.FeeCents, f.NotionalCents, f.ReferenceSubTicks, f.EstimatedSubTicks, Rounded(f.RealisedSlippageBps), Rounded(f.EstimatedSlippageBps)))] : null);
    }

    /// <summary>The TWAP parent's execution against its arrival mid; null when the strategy is not the TWAP or no parent started.</summary>
    private ReportTwap? Twap()
    {
        if (runner.Pipeline.Strategy.Strategy is not TwapStrategy { Executor: { } parent } twap)
        {
            return null;
        }
        long arrival = twap.ArrivalMidSubTicks;
        decimal? average = parent.FilledQuantity > 0 ? Math.Round((decimal)parent.FilledValueTicks * OrderBook.SubTicksPerTick / parent.FilledQuantity, 4) : null;
        double? shortfall = average is { } fill && arrival > 0
            ? Rounded((double)((parent.Side == Side.Buy ? fill - arrival : arrival - fill) / arrival * 10_000m))
            : null;
        return new ReportTwap(parent.Side.ToString().ToLowerInvariant(), parent.Quantity, parent.FilledQuantity, Math.Round(100.0 * parent.FilledQuantity / parent.Quantity, 4),
            parent.Slices, parent.SlicesDone, parent.ChildrenSent, parent.ChildrenRefused, parent.Status.ToString(), parent.EndReason.ToString(), arrival, average, shortfall);
    }

    private static long CountCrossedOrLocked(OrderBooks books)
    {
        long total = 0;
        for (int id = 0; id < books.Count; id++)
        {
            total += books[id].CrossedOrLockedEventCount;
        }
        return total;
    }

    /// <summary>Intents through the risk checks, which see every one: the strategy's and, with the TWAP, its children.</summary>
    public long IntentsChecked => runner.Pipeline.Risk.Snapshot.Approved + IntentsRefused;

    /// <summary>Intents the risk checks refused.</summary>
    public long IntentsRefused => runner.Pipeline.Risk.Snapshot.Rejected;

    /// <summary>Risk's refusals by reason, those that occurred.</summary>
    public IReadOnlyDictionary<string, long> RefusedFor { get; } = Refusals(runner);

    private static SortedDictionary<string, long> Refusals(BacktestRunner runner)
    {
        var risk = runner.Pipeline.Risk.Snapshot;
        var refused = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var reason in Enum.GetValues<RiskRejectReason>())
        {
            if (reason != RiskRejectReason.None && risk.RejectedFor(reason) > 0)
            {
                refused[reason.ToString()] = risk.RejectedFor(reason);
            }
        }
        return refused;
    }

    private ReportLatency Latency()
    {
        var h = recorder.Latency;
        bool any = h.TotalCount > 0;
        double runSeconds = runner.RunTicks / (double)System.Diagnostics.Stopwatch.Frequency;
        return new ReportLatency(
            "wall-clock ns per inbound event through the handler chain after the warm-up (pipeline.warmUpEvents), and the whole run (not deterministic)",
            h.TotalCount,
            any ? h.GetValueAtPercentile(50) : 0,
            any ? h.GetValueAtPercentile(90) : 0,
            any ? h.GetValueAtPercentile(99) : 0,
            any ? h.GetValueAtPercentile(99.9) : 0,
            any ? h.GetMaxValue() : 0,
            any ? Math.Round(h.GetMean(), 1) : 0,
            Math.Round(runSeconds * 1_000, 3),
            runSeconds > 0 ? Math.Round(data.Events.Length / runSeconds) : 0);
    }

    /// <summary>A ratio to six decimals; null when there is none or it is not finite.</summary>
    private static double? Rounded(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 6) : null;
}
