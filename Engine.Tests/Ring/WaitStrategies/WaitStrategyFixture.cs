using Engine.Ring;
using Engine.Tests.Support;

namespace Engine.Tests.Ring.WaitStrategies;

/// <summary>
/// The contract every <see cref="IWaitStrategy"/> keeps, through a real sequencer and barrier:
/// it returns once the sequence is published (or at once if it already is), returns early when the
/// barrier is alerted or, given an idle time, when nothing came for that long, waits for upstream
/// consumers, and carries a transfer between two threads intact. Each strategy only adds its factory.
/// </summary>
public abstract class WaitStrategyFixture
{
    /// <summary>Creates the strategy under test.</summary>
    protected abstract IWaitStrategy CreateWaitStrategy();

    /// <summary>Events in the one-producer, one-consumer transfer; kept modest for the spinning strategies.</summary>
    protected virtual long TransferEvents => 200_000;

    /// <summary>Whether the strategy must be signalled by publishers.</summary>
    protected abstract bool ExpectedIsBlocking { get; }

    private static void ClaimAndPublish(Sequencer sequencer, int count)
    {
        for (int i = 0; i < count; i++)
        {
            sequencer.Publish(sequencer.Next());
        }
    }

    [Test]
    public void IsBlocking_Strategy_MatchesWhetherPublishersMustSignal()
    {
        Assert.That(CreateWaitStrategy().IsBlocking, Is.EqualTo(ExpectedIsBlocking));
    }

    [Test]
    public void SignalAllWhenBlocking_WithNobodyWaiting_ReturnsQuietly()
    {
        var waitStrategy = CreateWaitStrategy();

        Assert.That(waitStrategy.SignalAllWhenBlocking, Throws.Nothing);
    }

    [Test]
    public void WaitFor_SequenceAlreadyPublished_ReturnsHighestAvailable()
    {
        var sequencer = new SingleProducerSequencer(16, CreateWaitStrategy());
        var barrier = sequencer.NewBarrier();
        ClaimAndPublish(sequencer, 5);

        Assert.That(barrier.WaitFor(2), Is.EqualTo(4));
    }

    [TestCase(ProducerType.Single)]
    [TestCase(ProducerType.Multi)]
    public void WaitFor_SequencePublishedByAnotherThread_ReturnsIt(ProducerType producers)
    {
        var ring = RingBuffer<TestEvent>.Create(producers, 16, CreateWaitStrategy());
        var barrier = ring.NewBarrier();
        long available = long.MinValue;

        var waiter = WorkerThread.Start("waiter", () => available = barrier.WaitFor(0));
        using (var claim = ring.Claim())
        {
            claim.Event.Value = 1;
        }
        waiter.Join(TestTimeouts.Join);

        // A strategy that returned before the publish would have returned -1.
        Assert.That(available, Is.Zero);
    }

    [Test]
    public void WaitFor_NothingPublishedAndAlerted_ReturnsBelowRequestedSequence()
    {
        var sequencer = new SingleProducerSequencer(16, CreateWaitStrategy());
        var barrier = sequencer.NewBarrier();
        long available = long.MinValue;

        var waiter = WorkerThread.Start("waiter", () => available = barrier.WaitFor(0));
        barrier.Alert();
        waiter.Join(TestTimeouts.Join);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(available, Is.EqualTo(-1));
            Assert.That(barrier.IsAlerted, Is.True);
        }
    }

    [Test]
    public void WaitFor_WaitingOnDependentAndAlerted_ReturnsBelowRequestedSequence()
    {
        var sequencer = new SingleProducerSequencer(16, CreateWaitStrategy());
        var upstream = new Sequence();
        var barrier = sequencer.NewBarrier(upstream);
        ClaimAndPublish(sequencer, 5); // published, but the upstream consumer has not processed it
        long available = long.MinValue;

        var waiter = WorkerThread.Start("waiter", () => available = barrier.WaitFor(2));
        barrier.Alert();
        waiter.Join(TestTimeouts.Join);

        Assert.That(available, Is.EqualTo(-1));
    }

    [Test]
    public void WaitFor_DependentBehindCursor_ReturnsDependentNotCursor()
    {
        var sequencer = new SingleProducerSequencer(16, CreateWaitStrategy());
        var upstream = new Sequence(6);
        var barrier = sequencer.NewBarrier(upstream);
        ClaimAndPublish(sequencer, 10);

        Assert.That(barrier.WaitFor(4), Is.EqualTo(6));
    }

    [Test]
    public void WaitFor_NothingPublishedWithinTheIdleTime_ReturnsBelowTheSequenceAfterIt()
    {
        var sequencer = new SingleProducerSequencer(16, CreateWaitStrategy());
        var barrier = sequencer.NewBarrier();
        ClaimAndPublish(sequencer, 2);
        long idleTicks = System.Diagnostics.Stopwatch.Frequency / 50; // 20 ms

        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        long available = barrier.WaitFor(2, idleTicks: idleTicks);
        long waited = System.Diagnostics.Stopwatch.GetTimestamp() - started;

        Assert.That(available, Is.EqualTo(1));
        Assert.That(waited, Is.GreaterThanOrEqualTo(idleTicks), "returned before the idle time was up");
    }

    [Test]
    public void WaitFor_PublishedWithinTheIdleTime_ReturnsIt()
    {
        var sequencer = new SingleProducerSequencer(16, CreateWaitStrategy());
        var barrier = sequencer.NewBarrier();
        long available = long.MinValue;

        var waiter = WorkerThread.Start("waiter", () => available = barrier.WaitFor(0, idleTicks: TestTimeouts.Join.Ticks * System.Diagnostics.Stopwatch.Frequency / TimeSpan.TicksPerSecond));
        ClaimAndPublish(sequencer, 1);
        waiter.Join(TestTimeouts.Join);

        Assert.That(available, Is.Zero);
    }

    [Test]
    public void WaitFor_DependentAdvancedByAnotherThread_WaitsUntilDependentReachesSequence()
    {
        var sequencer = new SingleProducerSequencer(16, CreateWaitStrategy());
        var upstream = new Sequence();
        var barrier = sequencer.NewBarrier(upstream);
        ClaimAndPublish(sequencer, 10);
        long available = long.MinValue;

        var waiter = WorkerThread.Start("waiter", () => available = barrier.WaitFor(5));
        upstream.SetValue(3); // not enough: the waiter must keep waiting
        upstream.SetValue(7);
        waiter.Join(TestTimeouts.Join);

        // Returning the cursor (9), or anything below 5, means the upstream consumer was ignored.
        Assert.That(available, Is.EqualTo(7));
    }

    [Test]
    public void WaitFor_PublishedBeforeDependentCaughtUp_WaitsForBoth()
    {
        var sequencer = new SingleProducerSequencer(16, CreateWaitStrategy());
        var upstream = new Sequence();
        var barrier = sequencer.NewBarrier(upstream);
        long available = long.MinValue;

        var waiter = WorkerThread.Start("waiter", () => available = barrier.WaitFor(0));
        ClaimAndPublish(sequencer, 1);
        upstream.SetValue(0);
        waiter.Join(TestTimeouts.Join);

        Assert.That(available, Is.Zero);
    }

    [Test]
    public void WaitFor_InOneProducerOneConsumerTransfer_EveryEventArrivesInOrder()
    {
        long events = TransferEvents;
        var ring = RingBuffer<TestEvent>.Create(ProducerType.Single, 1024, CreateWaitStrategy());
        var processor = new BatchEventProcessor<TestEvent, CheckingHandler>(
            ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 256);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = WorkerThread.Start("consumer", processor.Run);

        TestProducer.Publish(ring, producerId: 0, events);
        processor.Halt();
        consumer.Join(TestTimeouts.LongRun);

        var checker = processor.Handler;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Halted));
            Assert.That(checker.Count, Is.EqualTo(events));
            Assert.That(checker.Sum, Is.EqualTo(TestProducer.SumUpTo(events)));
            Assert.That(checker.OrderViolations, Is.Zero);
            Assert.That(checker.SequenceGaps, Is.Zero);
        }
    }

    [Test]
    public void WaitFor_IdleConsumerHalted_ProcessorEndsHalted()
    {
        var ring = RingBuffer<TestEvent>.Create(ProducerType.Single, 16, CreateWaitStrategy());
        var processor = new BatchEventProcessor<TestEvent, CheckingHandler>(
            ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 16);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = WorkerThread.Start("consumer", processor.Run);

        Eventually.Until(() => processor.State == ProcessorState.Running, TestTimeouts.Join, "the consumer runs");
        processor.Halt();
        consumer.Join(TestTimeouts.Join);

        Assert.That(processor.State, Is.EqualTo(ProcessorState.Halted));
    }
}
