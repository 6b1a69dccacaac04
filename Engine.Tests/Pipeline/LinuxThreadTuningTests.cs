using Engine.Pipeline;
using Engine.Tests.Support;

namespace Engine.Tests.Pipeline;

/// <summary>Each call changes the calling thread, so every test runs it on a throwaway thread.</summary>
public sealed class LinuxThreadTuningTests
{
    private static T OnThrowawayThread<T>(Func<T> body)
    {
        T result = default!;
        var worker = WorkerThread.Start("tuning-probe", () => result = body());
        worker.Join(TestTimeouts.Join);
        return result;
    }

    [SetUp]
    public void RequireLinux() => Assume.That(OperatingSystem.IsLinux(), Is.True, "libc thread tuning is Linux only");

    [Test]
    public void CurrentThreadAffinity_FreshThread_ListsDistinctCpusInOrder()
    {
        var cpus = OnThrowawayThread(LinuxThreadTuning.CurrentThreadAffinity);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cpus, Is.Not.Empty);
            Assert.That(cpus, Is.Ordered.And.Unique);
            Assert.That(cpus, Has.All.InRange(0, 1023));
        }
    }

    [Test]
    public void TryPinCurrentThread_CpuZero_SucceedsAndAffinityIsZero()
    {
        Assume.That(LinuxThreadTuning.CurrentThreadAffinity(), Does.Contain(0), "this process may not run on CPU 0");

        var (error, affinity) = OnThrowawayThread(() => (LinuxThreadTuning.TryPinCurrentThread([0]), LinuxThreadTuning.CurrentThreadAffinity()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(affinity, Is.EqualTo(new[] { 0 }));
        }
    }

    [Test]
    public void TryPinCurrentThread_NonexistentCpu_ReturnsReasonAndKeepsAffinity()
    {
        var (error, before, after) = OnThrowawayThread(() =>
        {
            var original = LinuxThreadTuning.CurrentThreadAffinity();
            return (LinuxThreadTuning.TryPinCurrentThread([1000]), original, LinuxThreadTuning.CurrentThreadAffinity());
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Does.StartWith("sched_setaffinity failed"));
            Assert.That(after, Is.EqualTo(before));
        }
    }

    [TestCase(-1)]
    [TestCase(1024)]
    public void TryPinCurrentThread_CpuOutsideMask_ReturnsReasonWithoutCallingLibc(int cpu)
    {
        string? error = OnThrowawayThread(() => LinuxThreadTuning.TryPinCurrentThread([cpu]));

        Assert.That(error, Does.Contain($"CPU {cpu} is outside 0..1023"));
    }

    [Test]
    public void TrySetCurrentThreadNice_RaisingToNineteen_Succeeds()
    {
        string? error = OnThrowawayThread(() => LinuxThreadTuning.TrySetCurrentThreadNice(19));

        Assert.That(error, Is.Null);
    }
}
