using Engine.Admin;
using Engine.Config;
using Engine.Metrics;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Feeds.Synthetic;

namespace Engine.Tests.Support;

/// <summary>The engine configuration the end-to-end tests run: a small synthetic market, an unpinned yielding loop, endpoints on free ports, no status line.</summary>
internal static class TestEngines
{
    /// <summary>Options for a test engine whose loop thread is named <paramref name="loopName"/>.</summary>
    public static EngineOptions Synthetic(string loopName, long rateEventsPerSecond, ulong seed = 42) => new()
    {
        Ring = new RingOptions { Slots = 4096, Producers = ProducerType.Multi, WaitStrategy = WaitStrategyKind.Yielding, MaxBatchSize = 256 },
        Pipeline = new PipelineOptions { Thread = new LoopThreadOptions { Name = loopName, CpuSet = [], Nice = 0 } },
        Synthetic = new SyntheticFeedOptions { Instruments = 2, RateEventsPerSecond = rateEventsPerSecond, Seed = seed },
        Admin = new AdminOptions { Port = 0 },
        Metrics = new MetricsOptions { Port = 0, IntervalMs = 100 },
        StatusIntervalMs = 0,
    };
}
