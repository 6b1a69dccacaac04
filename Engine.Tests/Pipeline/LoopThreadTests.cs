using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Tests.Ring;
using Engine.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Pipeline;

public sealed class LoopThreadTests
{
    private const long Events = 100;

    /// <summary>
    /// A ring with <see cref="Events"/> events already published and a probing processor on it.
    /// Nice 19 always succeeds (raising one's own nice value needs no privilege), so the only
    /// warnings the loop can log are about pinning.
    /// </summary>
    private static (BatchEventProcessor<TestEvent, LoopProbeHandler> Processor, LoopThreadOptions Options) CreateLoop(params int[] cpuSet) => CreateLoop(exclusive: false, cpuSet);

    private static (BatchEventProcessor<TestEvent, LoopProbeHandler> Processor, LoopThreadOptions Options) CreateLoop(bool exclusive, params int[] cpuSet)
    {
        var ring = RingBuffer<TestEvent>.Create(ProducerType.Single, 256, new YieldingWaitStrategy());
        var processor = new BatchEventProcessor<TestEvent, LoopProbeHandler>(
            ring, ring.NewBarrier(), new LoopProbeHandler(), new RecordingExceptionHandler(FaultAction.Halt), 64);
        ring.AddGatingSequences(processor.Sequence);
        TestProducer.Publish(ring, producerId: 0, Events);
        return (processor, new LoopThreadOptions { Name = "test-loop", CpuSet = cpuSet, Nice = 19, Exclusive = exclusive });
    }

    private static void AssumeLinuxWithCpuZero()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True, "CPU pinning is Linux only");
        Assume.That(LinuxThreadTuning.CurrentThreadAffinity(), Does.Contain(0), "this process may not run on CPU 0");
    }

    [Test]
    public void Start_PinnedToCpuZero_LoopRunsOnlyOnCpuZero()
    {
        AssumeLinuxWithCpuZero();
        var (processor, options) = CreateLoop(0);
        var logger = new CapturingLogger();
        var loop = new LoopThread(processor, options, logger);

        loop.Start();
        bool stopped = loop.Stop(TestTimeouts.Join);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stopped, Is.True);
            Assert.That(processor.Handler.Affinity, Is.EqualTo(new[] { 0 }));
            Assert.That(loop.IsPinned, Is.True);
            Assert.That(processor.Handler.Count, Is.EqualTo(Events));
            Assert.That(logger.CountAt(LogLevel.Warning), Is.Zero);
        }
    }

    private static void AssumeLinuxWithCpuZeroAndAnother()
    {
        AssumeLinuxWithCpuZero();
        Assume.That(LinuxThreadTuning.CurrentThreadAffinity(), Has.Count.GreaterThan(1), "the other threads need a CPU besides the loop's");
    }

    /// <summary>The CPUs a thread started now by the calling thread may run on.</summary>
    private static IReadOnlyList<int> AffinityOfNewThread()
    {
        IReadOnlyList<int> affinity = [];
        var thread = new Thread(() => affinity = LinuxThreadTuning.CurrentThreadAffinity());
        thread.Start();
        thread.Join();
        return affinity;
    }

    [Test]
    public void Start_Exclusive_OtherThreadsLeaveTheLoopsCpuUntilItStops()
    {
        AssumeLinuxWithCpuZeroAndAnother();
        var before = LinuxThreadTuning.CurrentThreadAffinity();
        var (processor, options) = CreateLoop(exclusive: true, 0);
        var logger = new CapturingLogger();
        var loop = new LoopThread(processor, options, logger);

        loop.Start();
        var during = LinuxThreadTuning.CurrentThreadAffinity();
        var bornDuring = AffinityOfNewThread();
        bool stopped = loop.Stop(TestTimeouts.Join);
        var after = LinuxThreadTuning.CurrentThreadAffinity();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stopped, Is.True);
            Assert.That(processor.Handler.Affinity, Is.EqualTo(new[] { 0 }), "the loop itself stays");
            Assert.That(during, Is.EqualTo(before.Where(cpu => cpu != 0)), "this thread, moved off");
            Assert.That(bornDuring, Does.Not.Contain(0), "a thread it starts meanwhile is born elsewhere");
            Assert.That(after, Is.EqualTo(before), "given its CPUs back at the stop");
            Assert.That(logger.Entries.Select(entry => entry.Message), Has.One.Contains("has CPUs 0 to itself"));
            Assert.That(logger.CountAt(LogLevel.Warning), Is.Zero);
        }
    }

    [Test]
    public void Start_NotExclusive_LeavesOtherThreadsWhereTheyAre()
    {
        AssumeLinuxWithCpuZeroAndAnother();
        var before = LinuxThreadTuning.CurrentThreadAffinity();
        var (processor, options) = CreateLoop(exclusive: false, 0);
        var loop = new LoopThread(processor, options, NullLogger.Instance);

        loop.Start();
        var during = LinuxThreadTuning.CurrentThreadAffinity();
        loop.Stop(TestTimeouts.Join);

        Assert.That(during, Is.EqualTo(before));
    }

    [Test]
    public void TryStart_EveryCpuOfTheProcess_RefusesAndSaysWhy()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True, "CPU affinity is Linux only");

        using var isolation = CpuIsolation.TryStart(LinuxThreadTuning.CurrentThreadAffinity(), out string? reason);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(isolation, Is.Null);
            Assert.That(reason, Does.Contain("no CPU outside the loop's"));
        }
    }

    [Test]
    public void Start_PinnedToNonexistentCpu_LogsOneWarningAndStillProcesses()
    {
        Assume.That(OperatingSystem.IsLinux(), Is.True, "CPU pinning is Linux only");
        var (processor, options) = CreateLoop(1000);
        var logger = new CapturingLogger();
        var loop = new LoopThread(processor, options, logger);

        loop.Start();
        bool stopped = loop.Stop(TestTimeouts.Join);

        var warnings = logger.Entries.Where(entry => entry.Level == LogLevel.Warning).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stopped, Is.True);
            Assert.That(warnings, Has.Count.EqualTo(1));
            Assert.That(warnings.Select(entry => entry.Message), Has.All.Contains("1000"));
            Assert.That(loop.IsPinned, Is.False);
            Assert.That(processor.Handler.Count, Is.EqualTo(Events));
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Halted));
        }
    }

    [Test]
    public void Start_EmptyCpuSet_RunsUnpinnedWithoutWarning()
    {
        var (processor, options) = CreateLoop();
        var logger = new CapturingLogger();
        var loop = new LoopThread(processor, options, logger);

        loop.Start();
        bool stopped = loop.Stop(TestTimeouts.Join);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stopped, Is.True);
            Assert.That(loop.IsPinned, Is.False);
            Assert.That(processor.Handler.Count, Is.EqualTo(Events));
            Assert.That(logger.CountAt(LogLevel.Warning), Is.Zero);
        }
    }

    [Test]
    public void Start_WithName_RunsProcessorOnThreadOfThatName()
    {
        var (processor, options) = CreateLoop();
        var loop = new LoopThread(processor, options, NullLogger.Instance);

        loop.Start();
        loop.Stop(TestTimeouts.Join);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.Handler.ThreadName, Is.EqualTo("test-loop"));
            Assert.That(loop.Processor, Is.SameAs(processor));
        }
    }

    [Test]
    public void Stop_ProcessorRunThrows_ThrowsWithTheCrashAndLogsIt()
    {
        var (processor, options) = CreateLoop();
        processor.Halt();
        processor.Run(); // already run once: a second Run is misuse and throws
        var logger = new CapturingLogger();
        var loop = new LoopThread(processor, options, logger);

        loop.Start();
        var thrown = Assert.Throws<InvalidOperationException>(() => loop.Stop(TestTimeouts.Join));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thrown!.InnerException, Is.TypeOf<InvalidOperationException>());
            Assert.That(logger.CountAt(LogLevel.Critical), Is.EqualTo(1));
        }
    }
}
