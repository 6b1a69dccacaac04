using Engine.Risk;
using Engine.Tests.Support;

namespace Engine.Tests.Risk;

public sealed class BreakerEventLogTests
{
    private static BreakerTransition At(long tsNs) =>
        new(tsNs, BreakerState.Closed, BreakerState.Open, TradingState.Active, TradingState.Halted, BreakerReason.StaleFeed, KillRequests.None);

    [Test]
    public void Constructor_CapacityNotPowerOfTwo_Throws()
    {
        Assert.Throws<ArgumentException>(() => _ = new BreakerEventLog(100));
    }

    [Test]
    public void Drain_AfterAppends_ReturnsThemOldestFirstOnce()
    {
        var log = new BreakerEventLog(4);
        log.Append(At(1));
        log.Append(At(2));
        var buffer = new BreakerTransition[8];

        Assert.That(buffer[..log.Drain(buffer)], Is.EqualTo(new[] { At(1), At(2) }));
        Assert.That(log.Drain(buffer), Is.Zero);
    }

    [Test]
    public void Drain_SmallerDestination_ReturnsTheRestNextTime()
    {
        var log = new BreakerEventLog(4);
        log.Append(At(1));
        log.Append(At(2));
        log.Append(At(3));
        var buffer = new BreakerTransition[2];

        Assert.That(log.Drain(buffer), Is.EqualTo(2));
        Assert.That(log.Drain(buffer), Is.EqualTo(1));
        Assert.That(buffer[0], Is.EqualTo(At(3)));
    }

    [Test]
    public void Append_WhenFull_DropsAndCountsTheNewest()
    {
        var log = new BreakerEventLog(2);
        log.Append(At(1));
        log.Append(At(2));

        log.Append(At(3));
        var buffer = new BreakerTransition[4];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log.Dropped, Is.EqualTo(1));
            Assert.That(buffer[..log.Drain(buffer)], Is.EqualTo(new[] { At(1), At(2) }));
        }
        log.Append(At(4));
        Assert.That(buffer[..log.Drain(buffer)], Is.EqualTo(new[] { At(4) }));
    }

    [Test]
    public void Drain_OnAnotherThread_SeesEveryAppendedTransitionInOrder()
    {
        const int Count = 200_000;
        var log = new BreakerEventLog(64);
        long received = 0;
        long lastTs = 0;
        bool inOrder = true;
        var drainer = new Thread(() =>
        {
            var buffer = new BreakerTransition[16];
            var deadline = DateTime.UtcNow + TestTimeouts.LongRun;
            while (received < Count && DateTime.UtcNow < deadline)
            {
                int n = log.Drain(buffer);
                for (int i = 0; i < n; i++)
                {
                    inOrder &= buffer[i].TsNs == lastTs + 1;
                    lastTs = buffer[i].TsNs;
                }
                received += n;
            }
        });
        drainer.Start();

        var appendDeadline = DateTime.UtcNow + TestTimeouts.LongRun;
        for (long ts = 1; ts <= Count && DateTime.UtcNow < appendDeadline;)
        {
            long before = log.Published;
            log.Append(At(ts));
            if (log.Published != before)
            {
                ts++;
            }
        }
        Assert.That(drainer.Join(TestTimeouts.LongRun), Is.True);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(received, Is.EqualTo(Count));
            Assert.That(inOrder, Is.True);
        }
    }
}
