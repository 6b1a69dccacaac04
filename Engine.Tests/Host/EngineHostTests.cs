using System.Reflection;
using Engine.Config;
using Engine.Host;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Orders;
using Engine.Risk;
using Engine.Strategies;
using Engine.Tests.Support;
using Feeds;
using Feeds.Synthetic;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Host;

public sealed class EngineHostTests
{
    private static EngineOptions SyntheticRun(
        ProducerType producers, int feedThreads, long eventsPerThread, FaultPolicy faultPolicy = FaultPolicy.LogAndContinue, int shutdownTimeoutMs = 30_000) => new()
    {
        Ring = new RingOptions { Slots = 1024, Producers = producers, WaitStrategy = WaitStrategyKind.Yielding, MaxBatchSize = 256 },
        Pipeline = new PipelineOptions
        {
            FaultPolicy = faultPolicy,
            ShutdownTimeoutMs = shutdownTimeoutMs,
            Thread = new LoopThreadOptions { Name = "test-engine", CpuSet = [], Nice = 0 },
        },
        Synthetic = new SyntheticFeedOptions
        {
            Instruments = 4,
            Threads = feedThreads,
            RateEventsPerSecond = 0, // as fast as the ring takes them
            MaxEventsPerThread = eventsPerThread,
            Seed = 7,
        },
        StatusIntervalMs = 0,
    };

    /// <summary>Runs <see cref="EngineHost.Stop"/> on a worker so that a hang fails the test instead of the run.</summary>
    private static WorkerThread StopOnWorker(EngineHost host, Action<bool> stopped) =>
        WorkerThread.Start("host-stop", () => stopped(host.Stop()));

    private static T PrivateField<T>(object owner, string name)
    {
        var field = owner.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.That(field, Is.Not.Null, $"{owner.GetType().Name}.{name} no longer exists; update this test");
        return (T)field!.GetValue(owner)!;
    }

    /// <summary>The CPUs thread <paramref name="name"/> of this process may run on, once it runs (empty if it never does).</summary>
    private static IReadOnlyList<int> AffinityOfThread(string name)
    {
        IReadOnlyList<int> cpus = [];
        Eventually.Until(() =>
        {
            foreach (int threadId in LinuxThreadTuning.ProcessThreadIds())
            {
                string comm = File.Exists($"/proc/self/task/{threadId}/comm") ? File.ReadAllText($"/proc/self/task/{threadId}/comm").Trim() : "";
                if (comm == name && LinuxThreadTuning.Affinity(threadId) is { } mask)
                {
                    cpus = LinuxThreadTuning.Cpus(mask);
                    return cpus.Count == 1;
                }
            }
            return false;
        }, TestTimeouts.Join, $"thread {name} runs bound to one CPU");
        return cpus;
    }

    [Test]
    public void Start_FeedsCpuSet_TheSyntheticFeedsThreadRunsOnlyThere()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True, "CPU pinning is Linux only");
        Assume.That(LinuxThreadTuning.CurrentThreadAffinity(), Does.Contain(0), "this process may not run on CPU 0");
        var options = SyntheticRun(ProducerType.Multi, 1, long.MaxValue) with { Feeds = new Engine.MarketData.FeedsOptions { CpuSet = [0] } };
        using var host = new EngineHost(options, NullLoggerFactory.Instance);

        host.Start();
        var affinity = AffinityOfThread("feed-synth-0");
        Assert.That(host.Stop(), Is.True);

        Assert.That(affinity, Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void Start_FeedsCpuSetNotAvailable_WarnsOnceAndTheFeedRunsAnyway()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True, "CPU pinning is Linux only");
        var options = SyntheticRun(ProducerType.Multi, 1, 20_000) with { Feeds = new Engine.MarketData.FeedsOptions { CpuSet = [1000] } };
        var loggers = new CapturingLoggerFactory();
        using var host = new EngineHost(options, loggers);

        host.Start();
        Eventually.Until(() => host.Status().EventsPublished == 20_000, TestTimeouts.LongRun, "the feed published everything");
        Assert.That(host.Stop(), Is.True);

        var warnings = loggers.Logger.Entries.Where(entry => entry.Message.Contains("feed-synth-0", StringComparison.Ordinal)).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1));
        Assert.That(warnings[0].Message, Does.Contain("could not be pinned to CPUs 1000"));
    }

    [Test]
    public void ReloadRiskLimitsAndKill_WhileRunning_ReachTheLoopThroughTheRing()
    {
        var options = SyntheticRun(ProducerType.Multi, 1, 50_000);
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        host.Start();
        var reloaded = options with { Risk = new RiskOptions { MaxDailyLossCents = 4_321 } };

        host.ReloadRiskLimits(reloaded);
        host.Send(ControlCommand.Kill);

        Eventually.Until(() => host.Risk.Snapshot.LimitReloads == 1 && host.Risk.Snapshot.TradingState == TradingState.Halted, TestTimeouts.LongRun, "the loop applied the reload and the kill");
        Assert.That(host.Stop(), Is.True);
        Assert.That(host.Risk.Engine.Limits.MaxDailyLossCents, Is.EqualTo(4_321));
        Assert.That(host.Risk.Breaker.IsKilled, Is.True);
    }

    [TestCase(ProducerType.Multi, 2)]
    [TestCase(ProducerType.Multi, 1)]
    public void Stop_AfterFeedsFinished_EveryPublishedEventWasProcessed(ProducerType producers, int feedThreads)
    {
        const long EventsPerThread = 200_000;
        long expected = feedThreads * EventsPerThread;
        var options = SyntheticRun(producers, feedThreads, EventsPerThread);
        Assert.That(options.Validate(), Is.Empty);
        using var host = new EngineHost(options, NullLoggerFactory.Instance);

        host.Start();
        Eventually.Until(() => host.Status().EventsPublished == expected, TestTimeouts.LongRun, "the feeds have published everything");
        bool stopped = false;
        StopOnWorker(host, result => stopped = result).Join(TestTimeouts.LongRun);

        var status = host.Status();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stopped, Is.True, "the loop drained within the shutdown timeout");
            Assert.That(status.EventsPublished, Is.EqualTo(expected));
            Assert.That(status.EventsProcessed, Is.EqualTo(expected));
            Assert.That(status.RingOccupancy, Is.Zero);
            Assert.That(status.HandlerFaults, Is.Zero);
            Assert.That(status.LoopPinned, Is.False);
            Assert.That(host.LoopState, Is.EqualTo(ProcessorState.Halted));
            long byKind = host.Counter.Count(MarketDataKind.Add) + host.Counter.Count(MarketDataKind.Delete)
                + host.Counter.Count(MarketDataKind.Execute) + host.Counter.Count(MarketDataKind.Trade);
            Assert.That(byKind, Is.EqualTo(expected));
            Assert.That(host.Books.ErrorTotal(), Is.Zero, "the synthetic order flow applies cleanly to the books");
            Assert.That(host.Books[0].EventCount, Is.GreaterThan(0));
        }
    }

    [Test]
    public void Status_BeforeStart_ShowsAnEmptyEngine()
    {
        using var host = new EngineHost(SyntheticRun(ProducerType.Multi, 2, 1000), NullLoggerFactory.Instance);

        var status = host.Status();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.EventsPublished, Is.Zero);
            Assert.That(status.EventsProcessed, Is.Zero);
            Assert.That(status.RingOccupancy, Is.Zero);
            Assert.That(status.RingSlots, Is.EqualTo(1024));
            Assert.That(status.ClaimWaits, Is.Zero);
            Assert.That(host.LoopState, Is.EqualTo(ProcessorState.Idle));
        }
    }

    /// <remarks>
    /// Regression: after a halting fault the feed threads wait on a full ring for a consumer that is
    /// gone, and Stop used to join them with no timeout. The fault is injected as one corrupt event
    /// (an undefined kind) written into the inbound ring before start. Should Stop hang again, the
    /// test frees the feeds itself after 10 s so that it fails instead of hanging the run.
    /// </remarks>
    [Test]
    public void Stop_AfterHaltingFault_ReturnsInsteadOfHanging()
    {
        var options = SyntheticRun(ProducerType.Multi, 1, eventsPerThread: 100_000, FaultPolicy.LogAndHalt, shutdownTimeoutMs: 1_000);
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        var ring = PrivateField<RingBuffer<InboundEvent>>(host, "_ring");
        using (var claim = ring.Claim())
        {
            claim.Event.Market.Kind = (MarketDataKind)200; // the counter indexes by kind: this throws
        }

        host.Start();
        Eventually.Until(() => host.LoopState == ProcessorState.Faulted, TestTimeouts.Join, "the loop has faulted");
        var stop = StopOnWorker(host, _ => { });
        bool returned = stop.TryJoin(TimeSpan.FromSeconds(10));
        if (!returned)
        {
            // Free the feeds (their consumer is gone) so that the stuck Stop can finish.
            var processor = PrivateField<IEventProcessor>(host, "_processor");
            processor.Sequence.SetValue(long.MaxValue / 2);
            stop.Join(TestTimeouts.Join);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(returned, Is.True, "Stop() hangs after a halting fault: the feed threads wait forever on the full ring");
            Assert.That(host.Status().HandlerFaults, Is.EqualTo(1));
        }
    }

    /// <summary>Ten synthetic events, then nothing: the strategy's timer is due 20 ms after its start.</summary>
    [TestCase(1, true)]
    [TestCase(0, false)]
    public void Timer_QuietMarket_FiresOnTheLoopsTickAndWaitsWithoutIt(int tickMs, bool fires)
    {
        var options = SyntheticRun(ProducerType.Multi, 1, eventsPerThread: 10);
        options = options with { Pipeline = options.Pipeline with { TickMs = tickMs } };
        var strategy = new TimerStrategy(TimeSpan.FromMilliseconds(20));
        using var host = new EngineHost(options, NullLoggerFactory.Instance, clock: null, environment: null, new EngineHostHooks(strategy));

        host.Start();
        Eventually.Until(() => host.Counter.Total == 10, TestTimeouts.Join, "the feed's ten events handled");
        if (fires)
        {
            Eventually.Until(() => strategy.Fired > 0, TestTimeouts.Join, "the timer fired with no market event after it");
        }
        else
        {
            Thread.Sleep(300);
        }
        int fired = strategy.Fired; // before the stop, whose own commands end a batch
        Assert.That(host.Stop(), Is.True);

        Assert.That(fired, Is.EqualTo(fires ? 1 : 0));
    }

    /// <summary>Sets one timer when it starts; counts its firings.</summary>
    private sealed class TimerStrategy(TimeSpan after) : IStrategy
    {
        private int _fired;

        public string Name => "timer";

        public int Fired => Volatile.Read(ref _fired);

        public void OnStart(StrategyContext context) => context.SetTimer(context.NowNs + (long)after.TotalNanoseconds);

        public void OnTimer(StrategyContext context) => Interlocked.Increment(ref _fired);

        public void OnMarketData(in MarketDataEvent e, StrategyContext context)
        {
        }

        public void OnExecution(in ExecutionReport report, StrategyContext context)
        {
        }

        public void OnParameters(StrategyOptions options)
        {
        }
    }
}
