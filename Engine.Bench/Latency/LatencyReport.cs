namespace Engine.Bench.Latency;

/// <summary>
/// Issue 7's bar at the offered rate: tick-to-trade p50 at most 300 ns above the bare ring's p50, p99
/// at most 1.5 times the bare ring's p99, and no GC collection during the measured run.
/// </summary>
internal sealed record LatencyBar(long P50LimitNs, long P99LimitNs, bool P50Met, bool P99Met, bool GcMet, bool Met)
{
    /// <summary>Judges <paramref name="tickToTrade"/> against <paramref name="ring"/> and the run's <paramref name="gcCollections"/>.</summary>
    public static LatencyBar Evaluate(LatencyStats ring, LatencyStats tickToTrade, int gcCollections)
    {
        long p50Limit = ring.P50Ns + 300;
        long p99Limit = ring.P99Ns * 3 / 2;
        bool p50 = tickToTrade.Count > 0 && tickToTrade.P50Ns <= p50Limit;
        bool p99 = tickToTrade.Count > 0 && tickToTrade.P99Ns <= p99Limit;
        bool gc = gcCollections == 0;
        return new LatencyBar(p50Limit, p99Limit, p50, p99, gc, p50 && p99 && gc);
    }
}

/// <summary>The router's own tick-to-order histogram over the measured run (bucket upper bounds, as <c>/metrics</c> reads it): a cross-check.</summary>
internal sealed record RouterTickToOrder(long Count, long P50UpperNs, long P99UpperNs);

/// <summary>One measured run of the pipeline with one wait strategy, and beside it the bare ring and the engine's ring with no handlers.</summary>
internal sealed record LatencyRun(
    string WaitStrategy,
    string Strategy,
    long OfferedRate,
    double AchievedRate,
    double LoadAverage1m,
    LatencyStats RingOneWay,
    LatencyStats EngineRingOneWay,
    LatencyStats Chain,
    LatencyStats TickToTrade,
    RouterTickToOrder Router,
    long Orders,
    long OrdersRefused,
    string TopRefusal,
    long OrdersSkipped,
    int GcCollections,
    long AllocatedBytes,
    long MaxProducerLagNs,
    long ProducerLateEvents,
    LatencyBar Bar,
    string[] Files,
    SegmentP50[] Segments);

/// <summary>The p50s of one segment of a run, in order: how the machine moved during the run.</summary>
internal sealed record SegmentP50(long RingNs, long EngineRingNs, long ChainNs, long TickToTradeNs);

/// <summary>The JSON file of a <c>bench latency</c> run: the settings, the machine, every run.</summary>
internal sealed record LatencyReport(
    string StartedUtc,
    string Machine,
    long OfferedRate,
    double DurationS,
    double WarmupS,
    int Segments,
    int OrderEvery,
    LatencyRun[] Runs);

/// <summary>
/// The last line of <c>bench latency</c>: the headline run's figures (the first wait strategy asked
/// for; with <c>--runs N</c>, its run with the median tick-to-trade p50) at the top level, every run in
/// <see cref="Runs"/>, and the report file.
/// </summary>
internal sealed record LatencySummary(
    long OfferedRate,
    double AchievedRate,
    LatencyStats RingOneWay,
    LatencyStats EngineRingOneWay,
    LatencyStats TickToTrade,
    LatencyStats Chain,
    int GcCollections,
    long AllocatedBytes,
    string WaitStrategy,
    double LoadAverage1m,
    LatencyBar Bar,
    string ResultsFile,
    LatencyRun[] Runs)
{
    /// <summary>The summary of <paramref name="runs"/>, headed by <paramref name="head"/>.</summary>
    public static LatencySummary From(LatencyRun head, LatencyRun[] runs, string resultsFile)
    {
        return new LatencySummary(head.OfferedRate, head.AchievedRate, head.RingOneWay, head.EngineRingOneWay, head.TickToTrade, head.Chain, head.GcCollections, head.AllocatedBytes, head.WaitStrategy, head.LoadAverage1m, head.Bar, resultsFile, runs);
    }
}

/// <summary>One offered rate tried by <c>bench throughput</c>.</summary>
internal sealed record ThroughputTrial(long OfferedRate, double AchievedRate, long EndOccupancy, long MaxLagNs, bool Sustainable);

/// <summary>The last line of <c>bench throughput</c>.</summary>
internal sealed record ThroughputSummary(
    double UnpacedRate,
    long MaxSustainableRate,
    long BarRate,
    bool Met,
    string WaitStrategy,
    string Strategy,
    double LoadAverage1m,
    int GcCollections,
    ThroughputTrial[] Trials);
