using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Engine.Metrics;
using Engine.Ring.WaitStrategies;
using HdrHistogram;

namespace Engine.Bench.Latency;

/// <summary>
/// <c>bench latency</c>: the full pipeline at a fixed offered rate, open loop, per wait strategy. A run
/// alternates, segment by segment, between the bare ring's one-way latency (<see cref="OneWayTopology"/>,
/// stamped with the intended time, pinned) and a fresh engine (<see cref="BenchPipeline"/>) fed by a
/// <see cref="PacedProducer"/>: a warm-up (the first segment then pauses for the JIT), then the measured
/// part, recording per market event publish to end of chain and, per order, tick-to-trade (publish to
/// the order command written to the outbound ring), both from the intended send time. The segments'
/// histograms are summed, so the pipeline is judged against the ring over the same stretch of time.
/// Writes .hgrm files, a percentile plot per wait strategy and a JSON report; prints one line per run
/// and the JSON summary last.
/// </summary>
internal static class LatencyHarness
{
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(60);

    public static int Run(string[] args)
    {
        var settings = LatencyHarnessSettings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine(LatencyHarnessSettings.Usage);
            return 64;
        }
        var started = DateTime.UtcNow;
        Directory.CreateDirectory(settings.OutputDirectory);
        var market = MarketRecording.Record(BenchPipeline.Market, MarketRecording.DefaultEvents);
        var runs = new List<LatencyRun>();
        LatencyRun? head = null;
        foreach (var wait in settings.WaitStrategies)
        {
            var ofWait = new List<LatencyRun>();
            var histograms = new List<RunHistograms>();
            for (int n = 0; n < settings.Runs; n++)
            {
                var (run, measured) = Measure(settings, wait, market);
                Print(wait, run);
                ofWait.Add(run);
                histograms.Add(measured);
            }
            // The files show the run the summary reports: the median one.
            int medianIndex = ofWait.IndexOf(MedianByTickToTrade(ofWait));
            var median = ofWait[medianIndex] with { Files = WriteFiles(settings.OutputDirectory, wait, histograms[medianIndex], settings.RatePerSecond) };
            ofWait[medianIndex] = median;
            if (settings.Runs > 1)
            {
                Console.WriteLine($"{wait,-9} median of {settings.Runs} runs by tick-to-trade p50 (its files written): run {medianIndex + 1}: ring p50 {median.RingOneWay.P50Ns}ns, chain p50 {median.Chain.P50Ns}ns, tick-to-trade p50 {median.TickToTrade.P50Ns}ns p99 {median.TickToTrade.P99Ns}ns; bar p50 {(median.Bar.P50Met ? "met" : "MISSED")}, p99 {(median.Bar.P99Met ? "met" : "MISSED")}; runs meeting the p50 bar: {ofWait.Count(r => r.Bar.P50Met)} of {settings.Runs}");
            }
            head ??= median;
            runs.AddRange(ofWait);
        }
        var report = new LatencyReport(started.ToString("O", CultureInfo.InvariantCulture), RingHarness.MachineDescription(), settings.RatePerSecond, settings.Duration.TotalSeconds, settings.Warmup.TotalSeconds, settings.Segments, settings.OrderEvery, [.. runs]);
        string file = Path.GetFullPath(Path.Combine(settings.OutputDirectory, $"bench-latency-{started:yyyyMMdd-HHmmss}.json"));
        File.WriteAllText(file, JsonSerializer.Serialize(report, BenchJsonContext.Default.LatencyReport));
        Console.WriteLine(JsonSerializer.Serialize(LatencySummary.From(head!, [.. runs], file), BenchJsonContext.Default.LatencySummary));
        return 0;
    }

    /// <summary>The run whose tick-to-trade p50 is the median of <paramref name="runs"/> (the lower middle of an even count).</summary>
    internal static LatencyRun MedianByTickToTrade(List<LatencyRun> runs)
    {
        var sorted = runs.OrderBy(r => r.TickToTrade.P50Ns).ToList();
        return sorted[(sorted.Count - 1) / 2];
    }

    private static void Print(WaitStrategyKind wait, LatencyRun run)
    {
        Console.WriteLine($"{wait,-9} offered {run.OfferedRate:N0}/s achieved {run.AchievedRate:N0}/s load {run.LoadAverage1m:F2} gc={run.GcCollections} allocated={run.AllocatedBytes}B orders={run.Orders} producer-late(>1us)={(double)run.ProducerLateEvents / Math.Max(1, run.Chain.Count):P1}");
        Console.WriteLine($"{wait,-9} orders: {run.Orders} sent, {run.OrdersRefused} refused (mostly {run.TopRefusal}), {run.OrdersSkipped} skipped (no opposite side)");
        Console.WriteLine($"{wait,-9} ring one-way:  {run.RingOneWay.Summary()}");
        Console.WriteLine($"{wait,-9} engine ring:   {run.EngineRingOneWay.Summary()} (its slots, sequencer and producer, no handlers)");
        Console.WriteLine($"{wait,-9} chain:         {run.Chain.Summary()}");
        Console.WriteLine($"{wait,-9} tick-to-trade: {run.TickToTrade.Summary()}");
        Console.WriteLine($"{wait,-9} p50 by segment, ring / engine ring / tick-to-trade: {string.Join(", ", run.Segments.Select(s => $"{s.RingNs}/{s.EngineRingNs}/{s.TickToTradeNs}"))} ns");
        Console.WriteLine($"{wait,-9} tick-to-trade p50 above the ring: {run.TickToTrade.P50Ns - run.RingOneWay.P50Ns} ns, of which the engine ring's handoff {run.EngineRingOneWay.P50Ns - run.RingOneWay.P50Ns} ns and the handlers {run.TickToTrade.P50Ns - run.EngineRingOneWay.P50Ns} ns");
        Console.WriteLine($"{wait,-9} router tick-to-order, last segment (bucket bounds): p50<={run.Router.P50UpperNs}ns p99<={run.Router.P99UpperNs}ns n={run.Router.Count}");
        Console.WriteLine($"{wait,-9} bar: p50 <= {run.Bar.P50LimitNs}ns {(run.Bar.P50Met ? "met" : "MISSED")}, p99 <= {run.Bar.P99LimitNs}ns {(run.Bar.P99Met ? "met" : "MISSED")}, no GC {(run.Bar.GcMet ? "met" : "MISSED")}");
    }

    /// <summary>
    /// One run: <see cref="LatencyHarnessSettings.Segments"/> times the bare ring (pinned), then a fresh
    /// pipeline warmed up and measured; the histograms and counts are summed over the segments.
    /// </summary>
    private static (LatencyRun Run, RunHistograms Histograms) Measure(LatencyHarnessSettings settings, WaitStrategyKind wait, MarketRecording market)
    {
        long rate = settings.RatePerSecond;
        long intervalNs = Math.Max(1, 1_000_000_000 / rate);
        long yieldEveryTicks = settings.ProducerYieldEveryUs * Stopwatch.Frequency / 1_000_000;
        // The bare ring once unpinned and the engine's ring once, unmeasured, so the JIT finishes.
        var jitWarmUp = TimeSpan.FromMilliseconds(Math.Min(200, settings.RingDuration.TotalMilliseconds));
        OneWayTopology.Record(wait, pinned: false, reversed: false, jitWarmUp, intervalNs, stampIntended: true);
        EngineRingTopology.Record(wait, settings.RingSlots, market, rate, jitWarmUp, yieldEveryTicks);
        var ring = LatencyStats.NewHistogram();
        var engineRing = LatencyStats.NewHistogram();
        var chain = LatencyStats.NewHistogram();
        var tickToTrade = LatencyStats.NewHistogram();
        var segments = new List<Segment>(settings.Segments);
        var p50s = new List<SegmentP50>(settings.Segments);
        for (int n = 0; n < settings.Segments; n++)
        {
            var ringOfSegment = OneWayTopology.Record(wait, pinned: true, reversed: false, settings.RingDuration / settings.Segments, intervalNs, stampIntended: true);
            var engineRingOfSegment = EngineRingTopology.Record(wait, settings.RingSlots, market, rate, settings.RingDuration / settings.Segments, yieldEveryTicks);
            var segment = MeasureSegment(settings, wait, market, pauseForJit: n == 0);
            ring.Add(ringOfSegment);
            engineRing.Add(engineRingOfSegment);
            chain.Add(segment.Chain);
            tickToTrade.Add(segment.TickToTrade);
            segments.Add(segment);
            p50s.Add(new SegmentP50(LatencyStats.From(ringOfSegment).P50Ns, LatencyStats.From(engineRingOfSegment).P50Ns, LatencyStats.From(segment.Chain).P50Ns, LatencyStats.From(segment.TickToTrade).P50Ns));
        }
        long events = segments.Sum(s => s.Events);
        double seconds = segments.Sum(s => s.Seconds);
        int gc = segments.Sum(s => s.GcCollections);
        var ringStats = LatencyStats.From(ring);
        var tradeStats = LatencyStats.From(tickToTrade);
        var run = new LatencyRun(
            wait.ToString(),
            settings.Strategy,
            rate,
            events / seconds,
            HistogramFiles.LoadAverage1m(),
            ringStats,
            LatencyStats.From(engineRing),
            LatencyStats.From(chain),
            tradeStats,
            segments[^1].Router,
            segments.Sum(s => s.Orders),
            segments.Sum(s => s.Refused),
            segments.MaxBy(s => s.Refused)!.TopRefusal,
            segments.Sum(s => s.Skipped),
            gc,
            segments.Sum(s => s.AllocatedBytes),
            segments.Max(s => s.MaxProducerLagNs),
            segments.Sum(s => s.ProducerLateEvents),
            LatencyBar.Evaluate(ringStats, tradeStats, gc),
            Files: [],
            [.. p50s]);
        return (run, new RunHistograms(ring, engineRing, chain, tickToTrade));
    }

    /// <summary>
    /// Builds the pipeline, warms it up (the first segment then idles for the JIT's tier-1 compilations:
    /// the pinned loop would otherwise starve the JIT's thread) and measures it for its share of the run.
    /// </summary>
    private static Segment MeasureSegment(LatencyHarnessSettings settings, WaitStrategyKind wait, MarketRecording market, bool pauseForJit)
    {
        // The previous segment's engine is garbage: collect it now, not during this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var pipeline = new BenchPipeline(wait, settings.Strategy, settings.OrderEvery, settings.RingSlots, market, settings.ProducerYieldEveryUs);
        Pinning.Apply(pinned: true, Pinning.ProducerCpu);
        long rate = settings.RatePerSecond;
        pipeline.Producer.Run(Events(rate, settings.Warmup), rate, Stopwatch.GetTimestamp());
        Drain(pipeline);
        if (pauseForJit)
        {
            Thread.Sleep(500);
        }

        var router = new LatencyWindow(pipeline.Host.Router.TickToOrder);
        router.Advance();
        long sentBefore = pipeline.Host.Router.Snapshot.Sent;
        long skippedBefore = pipeline.Strategy?.Skipped ?? 0;
        long refusedBefore = pipeline.Host.Strategy.Context.Refused;
        long start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 1_000);
        pipeline.ChainLatency.Open(start, long.MaxValue);
        pipeline.TickToTrade.Open(start, long.MaxValue);
        long events = Events(rate, settings.Duration / settings.Segments);
        int gcBefore = GC.CollectionCount(0);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var produced = pipeline.Producer.Run(events, rate, start);
        Drain(pipeline);
        long doneTicks = Stopwatch.GetTimestamp();
        int gc = GC.CollectionCount(0) - gcBefore;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (!pipeline.Stop())
        {
            Console.Error.WriteLine($"{wait}: the engine did not stop cleanly");
        }
        router.Advance();
        return new Segment(
            events,
            (double)(doneTicks - start) / Stopwatch.Frequency,
            pipeline.ChainLatency.Histogram,
            pipeline.TickToTrade.Histogram,
            new RouterTickToOrder(router.Total, router.PercentileNs(0.5), router.PercentileNs(0.99)),
            pipeline.Host.Router.Snapshot.Sent - sentBefore,
            pipeline.Host.Strategy.Context.Refused - refusedBefore,
            pipeline.Strategy?.TopRefusal().Reason.ToString() ?? "n/a",
            (pipeline.Strategy?.Skipped ?? 0) - skippedBefore,
            gc,
            allocated,
            LatencyStats.TicksToNs(produced.MaxLagTicks),
            produced.LateEvents);
    }

    private static long Events(long rate, TimeSpan duration) => Math.Max(1, (long)(rate * duration.TotalSeconds));

    private static void Drain(BenchPipeline pipeline)
    {
        if (!pipeline.WaitDrained(s_drainTimeout))
        {
            throw new TimeoutException($"the loop did not handle every event within {s_drainTimeout.TotalSeconds} s (state {pipeline.Host.LoopState})");
        }
    }

    private static string[] WriteFiles(string directory, WaitStrategyKind wait, RunHistograms run, long rate)
    {
        var (ring, engineRing, chain, tickToTrade) = run;
        string Name(string what, string extension) => Path.GetFullPath(Path.Combine(directory, $"latency-{wait}-{what}.{extension}".ToLowerInvariant()));
        var files = new List<string>();
        foreach (var (what, histogram) in new[] { ("ring", ring), ("engine-ring", engineRing), ("chain", chain), ("tick-to-trade", tickToTrade) })
        {
            string hgrm = Name(what, "hgrm");
            HistogramFiles.WriteHgrm(hgrm, histogram);
            files.Add(hgrm);
        }
        string png = Name("percentiles", "png");
        HistogramFiles.WritePercentilePlot(png, $"{wait}, {rate:N0} events/s offered (coordinated-omission corrected)", [("ring one-way", ring), ("engine ring, no handlers", engineRing), ("publish to end of chain", chain), ("tick-to-trade", tickToTrade)]);
        files.Add(png);
        return [.. files];
    }
}

/// <summary>One run's three latency histograms, kept until the median run is known.</summary>
internal sealed record RunHistograms(HistogramBase Ring, HistogramBase EngineRing, HistogramBase Chain, HistogramBase TickToTrade);

/// <summary>What the pipeline of one segment of a run measured: its histograms and counts.</summary>
internal sealed record Segment(
    long Events,
    double Seconds,
    HistogramBase Chain,
    HistogramBase TickToTrade,
    RouterTickToOrder Router,
    long Orders,
    long Refused,
    string TopRefusal,
    long Skipped,
    int GcCollections,
    long AllocatedBytes,
    long MaxProducerLagNs,
    long ProducerLateEvents);
