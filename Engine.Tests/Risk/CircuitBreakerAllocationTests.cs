using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Risk;
using Engine.Tests.Ring;
using Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Risk;

public sealed class CircuitBreakerAllocationTests
{
    [Test]
    public void OnEvent_WarmedLoopDrivingEveryBreakerPath_AllocatesNothing()
    {
        const long Events = 300_000;
        var breaker = new CircuitBreaker(new BreakerOptions { CoolDownMs = 50, ProbeTimeoutMs = 20, MaxRejects = 1, MaxErrors = 1 }, BreakerTestClock.T0);
        var ring = RingBuffer<TestEvent>.Create(ProducerType.Single, 1024, new YieldingWaitStrategy());
        var probe = new AllocationProbe(warmSequence: 100_000, lastSequence: Events - 1);
        var processor = new BatchEventProcessor<TestEvent, AllocationProbeHandler<TestEvent, BreakerDrivingHandler>>(
            ring, ring.NewBarrier(), new(new BreakerDrivingHandler(breaker), probe),
            new LoggingExceptionHandler(FaultPolicy.LogAndHalt, NullLogger.Instance), 256);
        ring.AddGatingSequences(processor.Sequence);
        var loop = WorkerThread.Start("loop", processor.Run);

        // Publishes like TestProducer, but gives up if the loop halts on a fault instead of waiting on a full ring forever.
        for (long value = 1; value <= Events && processor.FaultCount == 0;)
        {
            if (ring.TryClaim(out var claim))
            {
                using (claim)
                {
                    claim.Event.Value = value++;
                }
            }
        }
        processor.Halt();
        loop.Join(TestTimeouts.LongRun);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.FaultCount, Is.Zero);
            Assert.That(breaker.Count(BreakerReason.ManualKill), Is.GreaterThan(0));
            Assert.That(breaker.Count(BreakerReason.ProbeSucceeded) + breaker.Count(BreakerReason.ProbeFailed) + breaker.Count(BreakerReason.ProbeTimedOut), Is.GreaterThan(0), "probes ran");
            Assert.That(probe.BytesAtWarm, Is.GreaterThanOrEqualTo(0), "the warm-up reading was taken");
            Assert.That(probe.BytesAtLast, Is.EqualTo(probe.BytesAtWarm), "bytes allocated on the loop thread after warm-up");
        }
    }
}
