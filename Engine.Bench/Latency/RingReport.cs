using System.Text.Json.Serialization;

namespace Engine.Bench.Latency;

/// <summary>The three percentiles the last stdout line carries.</summary>
internal sealed record Percentiles(long P50, long P99, long P999)
{
    public static Percentiles From(LatencyStats stats) => new(stats.P50Ns, stats.P99Ns, stats.P999Ns);
}

/// <summary>
/// All measurements of one wait strategy, pinned or not; pinned, the one-way latency also with the
/// producer and consumer on each other's CPU (null unpinned).
/// </summary>
internal sealed record ScenarioResult(
    string WaitStrategy,
    bool Pinned,
    double ThroughputEventsPerS,
    double[] ThroughputRunsEventsPerS,
    LatencyStats OneWayNs,
    LatencyStats? OneWayReversedNs,
    LatencyStats PingPongNs);

/// <summary>The JSON file of a <c>bench ring</c> run.</summary>
internal sealed record RingReport(
    string StartedUtc,
    string Machine,
    int Runs,
    long ThroughputEventsPerRun,
    LatencyStats FloorPingPongNs,
    ScenarioResult[] Scenarios);

/// <summary>
/// The last line on stdout: the headline figures (busy-spin, pinned, medians over the runs).
/// </summary>
internal sealed record RingSummary(
    double ThroughputEventsPerS,
    Percentiles OneWayNs,
    Percentiles PingPongNs,
    Percentiles FloorPingPongNs,
    string ResultsFile);

/// <summary>The last line of <c>bench orders</c>: offered and achieved orders per second, intent-to-acknowledgement latency, and what the run cost the GC.</summary>
internal sealed record OrderPathSummary(
    long OfferedRate,
    double AchievedRate,
    long Acks,
    long Fills,
    LatencyStats IntentToAck,
    int GcCollections,
    long AllocatedBytes);

/// <summary>
/// The last line of <c>bench inplace</c>, from its median run by <c>chain_to_send</c>'s p50: a market
/// event's chain, and an order event's chain up to its command written.
/// </summary>
internal sealed record InPlaceSummary(
    long Rate,
    int OrderEvery,
    int Runs,
    LatencyStats MarketEvent,
    LatencyStats ChainToSend);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RingReport))]
[JsonSerializable(typeof(RingSummary))]
[JsonSerializable(typeof(OrderPathSummary))]
[JsonSerializable(typeof(LatencyReport))]
[JsonSerializable(typeof(LatencySummary))]
[JsonSerializable(typeof(ThroughputSummary))]
[JsonSerializable(typeof(InPlaceSummary))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
