using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Tests.Support;

namespace Engine.Tests.Ring;

public sealed class BatchEventProcessorTests
{
    private static RingBuffer<TestEvent> CreateRing(ProducerType producers = ProducerType.Single, int size = 1024) =>
        RingBuffer<TestEvent>.Create(producers, size, new YieldingWaitStrategy());

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(17)]
    public void Constructor_MaxBatchSizeOutsideOneToRingSize_ThrowsArgumentException(int maxBatchSize)
    {
        var ring = CreateRing(size: 16);

        Assert.That(
            () => new BatchEventProcessor<TestEvent, CheckingHandler>(ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), maxBatchSize),
            Throws.ArgumentException);
    }

    [TestCase(0L, true)]
    [TestCase(-5L, true)]
    [TestCase(1_000L, false)]
    public void Constructor_IdleTimeWithoutActionOrActionWithoutIdleTime_ThrowsArgumentException(long idleTicks, bool withAction)
    {
        var ring = CreateRing(size: 16);

        Assert.That(
            () => new BatchEventProcessor<TestEvent, CheckingHandler>(ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 16, idleTicks, withAction ? () => { } : null),
            Throws.ArgumentException);
    }

    [Test]
    public void Run_IdleForTheIdleTime_CallsTheIdleActionOnItsThreadAndStillHandlesEveryEvent()
    {
        var ring = CreateRing();
        int idleCalls = 0;
        int idleThread = 0;
        long idleTicks = System.Diagnostics.Stopwatch.Frequency / 200; // 5 ms
        var processor = new BatchEventProcessor<TestEvent, CheckingHandler>(
            ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 16, idleTicks,
            () =>
            {
                idleThread = Environment.CurrentManagedThreadId;
                Interlocked.Increment(ref idleCalls);
            });
        ring.AddGatingSequences(processor.Sequence);
        int consumerThread = 0;
        var consumer = WorkerThread.Start("consumer", () =>
        {
            consumerThread = Environment.CurrentManagedThreadId;
            processor.Run();
        });

        Eventually.Until(() => Volatile.Read(ref idleCalls) >= 2, TestTimeouts.Join, "two idle calls with nothing published");
        TestProducer.Publish(ring, producerId: 0, 100);
        Eventually.Until(() => processor.Sequence.Value == 99, TestTimeouts.Join, "the events after the idle calls handled");
        processor.Halt();
        consumer.Join(TestTimeouts.Join);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Halted));
            Assert.That(processor.Handler.Count, Is.EqualTo(100));
            Assert.That(idleThread, Is.EqualTo(consumerThread), "the idle action runs on the processor's thread");
        }
    }

    [Test]
    public void Constructor_NewProcessor_IsIdleAtInitialSequence()
    {
        var ring = CreateRing();

        var processor = new BatchEventProcessor<TestEvent, CheckingHandler>(ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 16);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Idle));
            Assert.That(processor.Sequence.Value, Is.EqualTo(Sequence.InitialValue));
            Assert.That(processor.FaultCount, Is.Zero);
        }
    }

    [TestCase(ProducerType.Single)]
    [TestCase(ProducerType.Multi)]
    public void Run_EventsPublishedBeforeStartThenHaltedAtOnce_ProcessesAllAndHalts(ProducerType producers)
    {
        var ring = CreateRing(producers, 1024);
        var processor = new BatchEventProcessor<TestEvent, CheckingHandler>(ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 64);
        ring.AddGatingSequences(processor.Sequence);
        TestProducer.Publish(ring, producerId: 0, count: 1000);

        var consumer = WorkerThread.Start("consumer", processor.Run);
        processor.Halt();
        consumer.Join(TestTimeouts.Join);

        var checker = processor.Handler;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Halted));
            Assert.That(checker.Count, Is.EqualTo(1000));
            Assert.That(checker.Sum, Is.EqualTo(TestProducer.SumUpTo(1000)));
            Assert.That(checker.OrderViolations, Is.Zero);
            Assert.That(checker.SequenceGaps, Is.Zero);
            Assert.That(processor.Sequence.Value, Is.EqualTo(999));
        }
    }

    [Test]
    public void Run_HaltedBeforeRunWithEventsPublished_SplitsThemIntoMaxSizeBatches()
    {
        var ring = CreateRing(size: 128);
        var processor = new BatchEventProcessor<TestEvent, CheckingHandler>(ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 16);
        ring.AddGatingSequences(processor.Sequence);
        TestProducer.Publish(ring, producerId: 0, count: 100);
        processor.Halt();

        processor.Run(); // drains on this thread: everything is published and the halt already asked for

        var checker = processor.Handler;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Halted));
            Assert.That(checker.Count, Is.EqualTo(100));
            Assert.That(checker.Batches, Is.EqualTo(7), "6 batches of 16 and one of 4");
            Assert.That(checker.LongestBatch, Is.EqualTo(16));
        }
    }

    [Test]
    public void Run_NothingPublishedThenHalted_EndsHalted()
    {
        var ring = CreateRing();
        var processor = new BatchEventProcessor<TestEvent, CheckingHandler>(ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 16);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = WorkerThread.Start("consumer", processor.Run);

        Eventually.Until(() => processor.State == ProcessorState.Running, TestTimeouts.Join, "the processor runs");
        processor.Halt();
        consumer.Join(TestTimeouts.Join);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Halted));
            Assert.That(processor.Handler.Count, Is.Zero);
            Assert.That(processor.Sequence.Value, Is.EqualTo(Sequence.InitialValue));
        }
    }

    [Test]
    public void Run_AfterHalted_ThrowsInvalidOperationException()
    {
        var ring = CreateRing();
        var processor = new BatchEventProcessor<TestEvent, CheckingHandler>(ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 16);
        processor.Halt();
        processor.Run();

        Assert.That(processor.Run, Throws.InvalidOperationException);
    }

    [Test]
    public void Run_HandlerThrowsAndPolicyContinues_SkipsOnlyFaultedEventsAndCountsThem()
    {
        // First event, a run of three, both sides of a batch boundary (batches of 256), the last event.
        long[] faulty = [0, 7, 8, 9, 255, 256, 999];
        var ring = CreateRing();
        var policy = new RecordingExceptionHandler(FaultAction.Continue);
        var processor = new BatchEventProcessor<TestEvent, ThrowingHandler>(ring, ring.NewBarrier(), new ThrowingHandler(faulty), policy, 256);
        ring.AddGatingSequences(processor.Sequence);
        TestProducer.Publish(ring, producerId: 0, count: 1000);

        var consumer = WorkerThread.Start("consumer", processor.Run);
        processor.Halt();
        consumer.Join(TestTimeouts.Join);

        var expected = Enumerable.Range(0, 1000).Select(i => (long)i).Except(faulty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.Handler.Handled, Is.EqualTo(expected), "every other event, in order");
            Assert.That(processor.FaultCount, Is.EqualTo(faulty.Length));
            Assert.That(policy.Sequences, Is.EqualTo(faulty));
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Halted));
            Assert.That(processor.Sequence.Value, Is.EqualTo(999));
        }
    }

    [Test]
    public void Run_HandlerThrowsAndPolicyHalts_FaultsAtLastGoodSequence()
    {
        var ring = CreateRing();
        var policy = new RecordingExceptionHandler(FaultAction.Halt);
        var processor = new BatchEventProcessor<TestEvent, ThrowingHandler>(ring, ring.NewBarrier(), new ThrowingHandler(500), policy, 256);
        ring.AddGatingSequences(processor.Sequence);
        TestProducer.Publish(ring, producerId: 0, count: 1000);

        var consumer = WorkerThread.Start("consumer", processor.Run);
        consumer.Join(TestTimeouts.Join); // it stops by itself

        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Faulted));
            Assert.That(processor.Sequence.Value, Is.EqualTo(499), "the last good sequence");
            Assert.That(processor.FaultCount, Is.EqualTo(1));
            Assert.That(policy.Sequences, Is.EqualTo(new long[] { 500 }));
            Assert.That(processor.Handler.Handled, Is.EqualTo(Enumerable.Range(0, 500).Select(i => (long)i)), "nothing after the fault");
        }
    }

    [Test]
    public void Run_FaultedWithHaltPolicy_ProducerCanReuseOnlySlotsBeforeFault()
    {
        var ring = CreateRing(size: 8);
        var processor = new BatchEventProcessor<TestEvent, ThrowingHandler>(ring, ring.NewBarrier(), new ThrowingHandler(3), new RecordingExceptionHandler(FaultAction.Halt), 8);
        ring.AddGatingSequences(processor.Sequence);
        TestProducer.Publish(ring, producerId: 0, count: 8);

        processor.Run(); // faults at 3 and returns

        int reused = 0;
        while (ring.TryNext(out long sequence))
        {
            ring.Publish(sequence);
            reused++;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Faulted));
            Assert.That(reused, Is.EqualTo(3), "slots 0..2 were consumed; 3..7 were not");
        }
    }

    [Test]
    public void Run_TwoProcessorsOffTheProducers_BothSeeEveryEvent()
    {
        const int Producers = 2;
        const long EventsPerProducer = 300_000;
        var ring = CreateRing(ProducerType.Multi, 1024);
        var first = new BatchEventProcessor<TestEvent, CheckingHandler>(ring, ring.NewBarrier(), new CheckingHandler(Producers), new RecordingExceptionHandler(FaultAction.Halt), 256);
        var second = new BatchEventProcessor<TestEvent, CheckingHandler>(ring, ring.NewBarrier(), new CheckingHandler(Producers), new RecordingExceptionHandler(FaultAction.Halt), 256);
        ring.AddGatingSequences(first.Sequence, second.Sequence);
        var consumers = new[] { WorkerThread.Start("consumer-a", first.Run), WorkerThread.Start("consumer-b", second.Run) };

        var producers = new WorkerThread[Producers];
        for (int p = 0; p < Producers; p++)
        {
            int id = p;
            producers[p] = WorkerThread.Start($"producer-{p}", () => TestProducer.Publish(ring, id, EventsPerProducer));
        }
        foreach (var producer in producers)
        {
            producer.Join(TestTimeouts.LongRun);
        }
        first.Halt();
        second.Halt();
        foreach (var consumer in consumers)
        {
            consumer.Join(TestTimeouts.LongRun);
        }

        using (Assert.EnterMultipleScope())
        {
            foreach (var processor in new[] { first, second })
            {
                var checker = processor.Handler;
                Assert.That(checker.Count, Is.EqualTo(Producers * EventsPerProducer));
                Assert.That(checker.Sum, Is.EqualTo(Producers * TestProducer.SumUpTo(EventsPerProducer)));
                Assert.That(checker.OrderViolations, Is.Zero);
                Assert.That(checker.SequenceGaps, Is.Zero);
                Assert.That(processor.State, Is.EqualTo(ProcessorState.Halted));
            }
        }
    }

    [Test]
    public void Run_LaterStageGatedOnEarlierStage_AlwaysSeesEarlierStagesWrite()
    {
        const long Events = 1_000_000;
        var ring = CreateRing(ProducerType.Single, 1024);
        var writer = new BatchEventProcessor<TestEvent, StageWriterHandler>(ring, ring.NewBarrier(), new StageWriterHandler(), new RecordingExceptionHandler(FaultAction.Halt), 256);
        var reader = new BatchEventProcessor<TestEvent, StageReaderHandler>(ring, ring.NewBarrier(writer.Sequence), new StageReaderHandler(), new RecordingExceptionHandler(FaultAction.Halt), 256);
        ring.AddGatingSequences(reader.Sequence); // the last stage gates the producer
        var writerThread = WorkerThread.Start("stage-1", writer.Run);
        var readerThread = WorkerThread.Start("stage-2", reader.Run);

        var producer = WorkerThread.Start("producer", () => TestProducer.Publish(ring, producerId: 0, Events));
        producer.Join(TestTimeouts.LongRun);
        // Stages stop in order: a later stage drains only what the earlier one has finished.
        writer.Halt();
        writerThread.Join(TestTimeouts.LongRun);
        reader.Halt();
        readerThread.Join(TestTimeouts.LongRun);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(writer.Handler.Count, Is.EqualTo(Events));
            Assert.That(reader.Handler.Count, Is.EqualTo(Events));
            Assert.That(reader.Handler.MissingWrites, Is.Zero, "the later stage overtook the earlier one");
            Assert.That(reader.Handler.OrderViolations, Is.Zero);
            Assert.That(reader.Sequence.Value, Is.EqualTo(Events - 1));
        }
    }

    [Test]
    public void Run_WarmedUp_AllocatesNothingPerEvent()
    {
        const long Events = 600_000;
        var ring = CreateRing(ProducerType.Single, 1024);
        var probe = new AllocationProbe(warmSequence: 200_000, lastSequence: Events - 1);
        var handler = new AllocationProbeHandler<TestEvent, CheckingHandler>(new CheckingHandler(1), probe);
        var processor = new BatchEventProcessor<TestEvent, AllocationProbeHandler<TestEvent, CheckingHandler>>(
            ring, ring.NewBarrier(), handler, new RecordingExceptionHandler(FaultAction.Halt), 256);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = WorkerThread.Start("consumer", processor.Run);

        TestProducer.Publish(ring, producerId: 0, Events);
        processor.Halt();
        consumer.Join(TestTimeouts.LongRun);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.Handler.Inner.Count, Is.EqualTo(Events));
            Assert.That(probe.BytesAtWarm, Is.GreaterThanOrEqualTo(0), "the warm-up reading was taken");
            Assert.That(probe.BytesAtLast, Is.EqualTo(probe.BytesAtWarm), "bytes allocated on the processor thread after warm-up");
        }
    }

    [Test]
    public void RunAvailable_NothingPublished_ReturnsZeroAndStaysIdle()
    {
        var ring = CreateRing();
        var processor = new BatchEventProcessor<TestEvent, CheckingHandler>(ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 16);
        ring.AddGatingSequences(processor.Sequence);

        Assert.That(processor.RunAvailable(8), Is.Zero);
        Assert.That(processor.State, Is.EqualTo(ProcessorState.Idle));
    }

    [Test]
    public void RunAvailable_TenPublishedLimitFour_HandlesFourAFourAndTwoAsBatchesOnTheCallersThread()
    {
        var ring = CreateRing();
        var processor = new BatchEventProcessor<TestEvent, CheckingHandler>(ring, ring.NewBarrier(), new CheckingHandler(1), new RecordingExceptionHandler(FaultAction.Halt), 16);
        ring.AddGatingSequences(processor.Sequence);
        TestProducer.Publish(ring, producerId: 0, count: 10);

        int[] handled = [processor.RunAvailable(4), processor.RunAvailable(4), processor.RunAvailable(4), processor.RunAvailable(4)];

        var checker = processor.Handler;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(handled, Is.EqualTo(new[] { 4, 4, 2, 0 }));
            Assert.That((checker.Count, checker.Batches, checker.LongestBatch), Is.EqualTo((10L, 3L, 4L)));
            Assert.That(checker.Sum, Is.EqualTo(TestProducer.SumUpTo(10)));
            Assert.That(processor.Sequence.Value, Is.EqualTo(9));
        }
    }

    [Test]
    public void RunAvailable_HandlerThrowsUnderHalt_FaultedAndHandlesNothingMore()
    {
        var ring = CreateRing();
        var processor = new BatchEventProcessor<TestEvent, ThrowingHandler>(ring, ring.NewBarrier(), new ThrowingHandler(3), new RecordingExceptionHandler(FaultAction.Halt), 16);
        ring.AddGatingSequences(processor.Sequence);
        TestProducer.Publish(ring, producerId: 0, count: 5);

        processor.RunAvailable(5);

        Assert.That(processor.State, Is.EqualTo(ProcessorState.Faulted));
        Assert.That(processor.RunAvailable(5), Is.Zero);
    }
}
