using System.Text.Json;
using HdrHistogram;
using Engine.Orders;
using Engine.Strategies;

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

    /// <summary>The strategy's name (<c>None</c> without one).</summary>
    public string StrategyName => runner.Pipeline.Strategy.Strategy?.Name ?? StrategyKind.None.ToString();

    /// <summary>What the run recorded: fills, round trips, the curve, the latency.</summary>
    public BacktestRecorder Recorder => recorder;

    /// <summary>The runner, for the engine's state after the run.</summary>
    public BacktestRunner Runner => runner;

    /// <summary>The report as JSON; <paramref name="full"/> adds the curve, round trips and fills, <paramref name="files"/> names the files written (summary).</summary>
    public string ToJson(bool full, IReadOnlyList<string>? files = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = full }))
        {
            json.WriteStartObject();
            WriteRun(json);
            WriteFigures(json);
            WriteOrders(json);
            WriteLatency(json);
            if (files is not null)
            {
                json.WriteStartArray("files");
                foreach (string file in files)
                {
                    json.WriteStringValue(file);
                }
                json.WriteEndArray();
            }
            if (full)
            {
                WriteCurve(json);
                WriteTrades(json);
                WriteFills(json);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private void WriteRun(Utf8JsonWriter json)
    {
        json.WriteString("name", name);
        json.WriteString("format", run.Format.ToString().ToLowerInvariant());
        json.WriteString("data", Path.GetFileName(run.DataPath));
        if (run.OrderbookPath is not null)
        {
            json.WriteString("orderbook", Path.GetFileName(run.OrderbookPath));
        }
        json.WriteString("strategy", StrategyName);
        json.WriteNumber("events", data.Events.Length);
        json.WriteNumber("eventsHandled", runner.Pipeline.Counter.Handled);
        json.WriteNumber("malformed", data.Malformed);
        json.WriteNumber("handlerFaults", runner.Pipeline.Faults.FaultCount);
        json.WriteStartArray("instruments");
        foreach (var instrument in data.Instruments)
        {
            json.WriteStartObject();
            json.WriteNumber("id", instrument.Id);
            json.WriteString("symbol", instrument.Symbol);
            json.WriteNumber("priceDecimals", instrument.PriceDecimals);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("firstEventNs", data.Events.Length > 0 ? data.Events[0].TsEventNs : 0);
        json.WriteNumber("lastEventNs", runner.Clock.UtcNowNs());
        json.WriteNumber("capitalCents", recorder.CapitalCents);
        json.WriteNumber("intervalMs", recorder.IntervalNs / 1_000_000);
        json.WriteNumber("secondsPerYear", run.SecondsPerYear);
    }

    private void WriteFigures(Utf8JsonWriter json)
    {
        json.WriteStartObject("pnl");
        json.WriteNumber("netCents", figures.NetPnlCents);
        json.WriteNumber("realisedCents", figures.RealisedCents);
        json.WriteNumber("unrealisedCents", figures.UnrealisedCents);
        json.WriteNumber("feesCents", figures.FeesCents);
        json.WriteEndObject();
        json.WriteNumber("returns", figures.Returns);
        json.WriteNumber("periodsPerYear", figures.PeriodsPerYear);
        WriteNullable(json, "sharpe", figures.Sharpe);
        WriteNullable(json, "sortino", figures.Sortino);
        json.WriteNumber("maxDrawdownCents", figures.MaxDrawdownCents);
        json.WriteNumber("maxDrawdownPct", figures.MaxDrawdownPct);
        json.WriteStartObject("trades");
        json.WriteNumber("closed", figures.ClosedTrades);
        json.WriteNumber("winning", figures.WinningTrades);
        json.WriteNumber("open", figures.OpenTrades);
        WriteNullable(json, "winRate", figures.WinRate);
        json.WriteEndObject();
        json.WriteNumber("fills", figures.Fills);
        json.WriteNumber("tradedNotionalCents", figures.TradedNotionalCents);
        json.WriteNumber("turnover", figures.Turnover);
        json.WriteStartObject("slippage");
        json.WriteNumber("fillsWithReference", figures.FillsWithReference);
        json.WriteNumber("fillsWithEstimate", figures.FillsWithEstimate);
        WriteNullable(json, "realisedBps", figures.RealisedSlippageBps);
        WriteNullable(json, "estimatedBps", figures.EstimatedSlippageBps);
        WriteNullable(json, "realisedMinusEstimatedBps", figures.RealisedMinusEstimatedBps);
        json.WriteEndObject();
    }

    private void WriteOrders(Utf8JsonWriter json)
    {
        var context = runner.Pipeline.Strategy.Context;
        RouterCounters router = runner.Pipeline.Router.Snapshot;
        json.WriteStartObject("orders");
        json.WriteNumber("submitted", context.Submitted);
        json.WriteNumber("refusedByRisk", context.Refused);
        json.WriteNumber("sent", router.Sent);
        json.WriteNumber("cancelsSent", router.CancelsSent);
        json.WriteNumber("venueRejects", router.VenueRejects);
        json.WriteNumber("fills", router.Fills);
        json.WriteEndObject();
        var venue = runner.Venue.Matcher;
        json.WriteStartObject("venue");
        json.WriteNumber("ordersAccepted", venue.OrdersAccepted);
        json.WriteNumber("ordersRejected", venue.OrdersRejected);
        json.WriteNumber("rejectedNoLiquidity", venue.RejectedNoLiquidity);
        json.WriteNumber("ordersCanceled", venue.OrdersCanceled);
        json.WriteNumber("ordersExpired", venue.OrdersExpired);
        json.WriteNumber("restingAtEnd", venue.RestingOrderCount);
        json.WriteNumber("heldCommandsAtEnd", venue.HeldCommandCount);
        json.WriteNumber("heldReportsAtEnd", venue.HeldReportCount);
        json.WriteEndObject();
    }

    private void WriteLatency(Utf8JsonWriter json)
    {
        var h = recorder.Latency;
        json.WriteStartObject("latency");
        json.WriteString("what", "wall-clock ns per inbound event through the handler chain, and the whole run (not deterministic)");
        bool any = h.TotalCount > 0;
        json.WriteNumber("count", h.TotalCount);
        json.WriteNumber("p50Ns", any ? h.GetValueAtPercentile(50) : 0);
        json.WriteNumber("p90Ns", any ? h.GetValueAtPercentile(90) : 0);
        json.WriteNumber("p99Ns", any ? h.GetValueAtPercentile(99) : 0);
        json.WriteNumber("p999Ns", any ? h.GetValueAtPercentile(99.9) : 0);
        json.WriteNumber("maxNs", any ? h.GetMaxValue() : 0);
        json.WriteNumber("meanNs", any ? Math.Round(h.GetMean(), 1) : 0);
        double runSeconds = runner.RunTicks / (double)System.Diagnostics.Stopwatch.Frequency;
        json.WriteNumber("runMs", Math.Round(runSeconds * 1_000, 3));
        json.WriteNumber("marketEventsPerSecond", runSeconds > 0 ? Math.Round(data.Events.Length / runSeconds) : 0);
        json.WriteEndObject();
    }

    private void WriteCurve(Utf8JsonWriter json)
    {
        json.WriteStartArray("equity");
        foreach (var point in recorder.Equity)
        {
            json.WriteStartObject();
            json.WriteNumber("tsNs", point.TsNs);
            json.WriteNumber("pnlCents", point.PnlCents);
            json.WriteNumber("drawdownCents", point.DrawdownCents);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private void WriteTrades(Utf8JsonWriter json)
    {
        json.WriteStartArray("roundTrips");
        foreach (var trade in recorder.Trades)
        {
            json.WriteStartObject();
            json.WriteNumber("instrumentId", trade.InstrumentId);
            json.WriteString("side", trade.IsLong ? "long" : "short");
            json.WriteNumber("openNs", trade.OpenNs);
            json.WriteNumber("closeNs", trade.CloseNs);
            json.WriteNumber("maxQuantity", trade.MaxQuantity);
            json.WriteNumber("fills", trade.Fills);
            json.WriteNumber("pnlCents", trade.PnlCents);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private void WriteFills(Utf8JsonWriter json)
    {
        json.WriteStartArray("fillList");
        foreach (var fill in recorder.Fills)
        {
            json.WriteStartObject();
            json.WriteNumber("tsNs", fill.TsNs);
            json.WriteNumber("instrumentId", fill.InstrumentId);
            json.WriteNumber("clientOrderId", fill.ClientOrderId);
            json.WriteString("side", fill.Side.ToString().ToLowerInvariant());
            json.WriteNumber("quantity", fill.Quantity);
            json.WriteNumber("priceTicks", fill.PriceTicks);
            json.WriteNumber("feeCents", fill.FeeCents);
            json.WriteNumber("notionalCents", fill.NotionalCents);
            json.WriteNumber("referenceSubTicks", fill.ReferenceSubTicks);
            json.WriteNumber("estimatedSubTicks", fill.EstimatedSubTicks);
            WriteNullable(json, "realisedSlippageBps", fill.RealisedSlippageBps);
            WriteNullable(json, "estimatedSlippageBps", fill.EstimatedSlippageBps);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string key, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(key, Math.Round(v, 6));
        }
        else
        {
            json.WriteNull(key);
        }
    }
}
