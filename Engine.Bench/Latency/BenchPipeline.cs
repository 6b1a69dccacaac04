using System.Runtime;
using Engine.Config;
using Engine.Host;
using Engine.Metrics;
using Engine.Pipeline;
using Engine.Ring.WaitStrategies;
using Engine.Strategies;
using Engine.Venues;
using Feeds.Synthetic;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Bench.Latency;

/// <summary>
/// The engine as its composition root builds it (<see cref="EngineHost"/>: the inbound ring, books,
/// risk, strategy, TWAP, router, the paper venue, counter and the outbound ring), with the
/// harness's strategy and probes hooked in and a <see cref="PacedProducer"/> in place of the feed
/// threads. The loop is pinned to CPU 1; the producer (the caller) runs on CPU 0 (<see cref="Pinning"/>).
/// </summary>
internal sealed class BenchPipeline : IDisposable
{
    /// <summary>The name of the harness's own strategy (<see cref="EveryNthStrategy"/>) for <c>--strategy</c>.</summary>
    public const string EveryNth = "EveryNth";

    private const int Instruments = 4;
    private const long OrderQuantity = 100;

    /// <summary>The synthetic market the harnesses record and replay: four instruments, one stream.</summary>
    public static SyntheticFeedOptions Market { get; } = new() { Instruments = Instruments, Threads = 1, RateEventsPerSecond = 0 };
    private readonly EngineHost _host;
    private bool _stopped;

    /// <summary>
    /// Builds and starts the pipeline with <paramref name="wait"/> on an inbound ring of <paramref name="ringSlots"/>
    /// and <paramref name="strategy"/> (<see cref="EveryNth"/> or a <see cref="StrategyKind"/> name); the
    /// producer replays <paramref name="market"/> (a recording of <see cref="Market"/>) and yields every
    /// <paramref name="producerYieldEveryUs"/> when ahead (0: only when far ahead).
    /// </summary>
    public BenchPipeline(WaitStrategyKind wait, string strategy, int orderEvery, int ringSlots, MarketRecording market, long producerYieldEveryUs = 0)
    {
        var options = Options(wait, strategy, ringSlots);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("bench options do not validate: " + string.Join("; ", errors));
        }
        // As the engine service does: background GCs only, while the loop runs.
        GCSettings.LatencyMode = options.Pipeline.GcLatencyMode;
        EveryNthStrategy? every = strategy == EveryNth ? new EveryNthStrategy(orderEvery, OrderQuantity) : null;
        Strategy = every;
        long highestTicks = 10 * System.Diagnostics.Stopwatch.Frequency;
        ChainLatency = new LatencyRecorder(highestTicks);
        TickToTrade = new LatencyRecorder(highestTicks);
        var hooks = new EngineHostHooks(every, ChainLatency, handler => new TickToTradeProbe(handler, TickToTrade));
        _host = new EngineHost(options, NullLoggerFactory.Instance, clock: null, environment: null, hooks);
        _host.StartPipeline();
        Producer = new PacedProducer(_host.Inbound, market, producerYieldEveryUs * System.Diagnostics.Stopwatch.Frequency / 1_000_000);
    }

    /// <summary>The producer of market events into the inbound ring; run it on CPU 0.</summary>
    public PacedProducer Producer { get; }

    /// <summary>Publish to end of the handler chain, per market event.</summary>
    public LatencyRecorder ChainLatency { get; }

    /// <summary>Publish of the event that led to an order to the order's command written to the outbound ring.</summary>
    public LatencyRecorder TickToTrade { get; }

    /// <summary>The harness's strategy, or null when a built-in one runs.</summary>
    public EveryNthStrategy? Strategy { get; }

    /// <summary>The engine.</summary>
    public EngineHost Host => _host;

    /// <summary>Waits (yielding) until the loop has handled every market event published, or <paramref name="timeout"/>; true if it has.</summary>
    public bool WaitDrained(TimeSpan timeout)
    {
        long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (_host.Counter.Total < Producer.Published)
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() > deadline || _host.LoopState == Ring.ProcessorState.Faulted)
            {
                return false;
            }
            Thread.Yield();
        }
        return true;
    }

    /// <summary>Stops the engine (the loop drains the ring first); true if it stopped cleanly.</summary>
    public bool Stop()
    {
        _stopped = true;
        return _host.Stop();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_stopped)
        {
            Stop();
        }
        _host.Dispose();
        GCSettings.LatencyMode = GCLatencyMode.Interactive;
    }

    /// <summary>
    /// The engine's options for a harness run: open risk limits, room for every order, the loop on CPU 1
    /// with the paper venue in its chain; batches of the engine's default size, or of the whole ring when it is smaller.
    /// </summary>
    internal static EngineOptions Options(WaitStrategyKind wait, string strategy, int ringSlots) => new()
    {
        Ring = new() { WaitStrategy = wait, Slots = ringSlots, MaxBatchSize = Math.Min(ringSlots, new Ring.RingOptions().MaxBatchSize) },
        Pipeline = new() { Thread = new LoopThreadOptions { Name = "bench-loop", CpuSet = [Pinning.ConsumerCpu] }, CancelOrdersOnStop = false },
        Book = new() { Instruments = Instruments },
        // Two price decimals: the synthetic market's ticks are then whole cents, as the sub-penny rule wants of limit prices.
        Risk = OrderPathHarness.OpenLimits() with { Defaults = OrderPathHarness.OpenLimits().Defaults with { PriceDecimals = 2 } },
        Orders = new() { Capacity = 65_536 },
        Venues = new VenueOptions { Kind = VenueKind.Paper },
        Strategy = new StrategyOptions { Name = strategy == EveryNth ? StrategyKind.None : Enum.Parse<StrategyKind>(strategy, ignoreCase: true) },
        Synthetic = Market,
    };
}
