using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Tests.Support;

namespace Engine.Tests.Ring.WaitStrategies;

public sealed class BlockingWaitStrategyTests : WaitStrategyFixture
{
    protected override IWaitStrategy CreateWaitStrategy() => new BlockingWaitStrategy();

    protected override bool ExpectedIsBlocking => true;

    /// <summary>Waits until <paramref name="waiter"/> is parked in the monitor (nothing else can block it here).</summary>
    private static void WaitUntilAsleep(WorkerThread waiter) =>
        Eventually.Until(() => (waiter.ThreadState & ThreadState.WaitSleepJoin) != 0, TestTimeouts.Join, "the waiter sleeps on the monitor");

    [TestCase(ProducerType.Single)]
    [TestCase(ProducerType.Multi)]
    public void WaitFor_AsleepWhenAnotherThreadPublishes_WakesAndReturnsSequence(ProducerType producers)
    {
        var ring = RingBuffer<TestEvent>.Create(producers, 16, CreateWaitStrategy());
        var barrier = ring.NewBarrier();
        long available = long.MinValue;
        var waiter = WorkerThread.Start("sleeper", () => available = barrier.WaitFor(0));
        WaitUntilAsleep(waiter);

        using (var claim = ring.Claim())
        {
            claim.Event.Value = 1;
        }

        waiter.Join(TestTimeouts.Join);
        Assert.That(available, Is.Zero);
    }

    [Test]
    public void WaitFor_AsleepWhenAlerted_WakesAndReturnsBelowSequence()
    {
        var sequencer = new SingleProducerSequencer(16, CreateWaitStrategy());
        var barrier = sequencer.NewBarrier();
        long available = long.MinValue;
        var waiter = WorkerThread.Start("sleeper", () => available = barrier.WaitFor(0));
        WaitUntilAsleep(waiter);

        barrier.Alert();

        waiter.Join(TestTimeouts.Join);
        Assert.That(available, Is.EqualTo(-1));
    }

    [Test]
    public void WaitFor_TwoConsumersAsleep_OnePublishWakesBoth()
    {
        var sequencer = new SingleProducerSequencer(16, CreateWaitStrategy());
        var first = sequencer.NewBarrier();
        var second = sequencer.NewBarrier();
        long availableFirst = long.MinValue;
        long availableSecond = long.MinValue;
        var waiterFirst = WorkerThread.Start("sleeper-1", () => availableFirst = first.WaitFor(0));
        var waiterSecond = WorkerThread.Start("sleeper-2", () => availableSecond = second.WaitFor(0));
        WaitUntilAsleep(waiterFirst);
        WaitUntilAsleep(waiterSecond);

        sequencer.Publish(sequencer.Next());

        waiterFirst.Join(TestTimeouts.Join);
        waiterSecond.Join(TestTimeouts.Join);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(availableFirst, Is.Zero);
            Assert.That(availableSecond, Is.Zero);
        }
    }

    [Test]
    public void WaitFor_SleepingBeforeAlmostEveryPublish_MissesNoWakeUp()
    {
        // One event at a time: the producer waits for each to be consumed, so the consumer goes
        // back to sleep before almost every publish, and a lost wake-up would hang the transfer.
        const long Events = 20_000;
        var ring = RingBuffer<TestEvent>.Create(ProducerType.Single, 16, CreateWaitStrategy());
        var processor = new BatchEventProcessor<TestEvent, CheckingHandler>(
            ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 16);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = WorkerThread.Start("consumer", processor.Run);

        var producer = WorkerThread.Start("producer", () =>
        {
            for (long value = 1; value <= Events; value++)
            {
                using (var claim = ring.Claim())
                {
                    claim.Event.Value = value;
                }
                var spin = new SpinWait();
                while (processor.Sequence.Value < value - 1)
                {
                    spin.SpinOnce();
                }
            }
        });
        producer.Join(TestTimeouts.LongRun);
        processor.Halt();
        consumer.Join(TestTimeouts.Join);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.Handler.Count, Is.EqualTo(Events));
            Assert.That(processor.Handler.OrderViolations, Is.Zero);
        }
    }
}
