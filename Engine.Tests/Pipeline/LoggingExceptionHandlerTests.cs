using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Tests.Ring;
using Engine.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Pipeline;

public sealed class LoggingExceptionHandlerTests
{
    private static readonly InvalidOperationException s_fault = new("test fault");

    [TestCase(FaultPolicy.LogAndContinue, FaultAction.Continue)]
    [TestCase(FaultPolicy.LogAndHalt, FaultAction.Halt)]
    public void OnEventException_Policy_MapsToAction(FaultPolicy policy, FaultAction expected)
    {
        var handler = new LoggingExceptionHandler(policy, NullLogger.Instance);

        Assert.That(handler.OnEventException(s_fault, 5), Is.EqualTo(expected));
    }

    [Test]
    public void OnEventException_EachCall_CountsOneFault()
    {
        var handler = new LoggingExceptionHandler(FaultPolicy.LogAndContinue, NullLogger.Instance);

        for (int i = 0; i < 25; i++)
        {
            handler.OnEventException(s_fault, i);
        }

        Assert.That(handler.FaultCount, Is.EqualTo(25));
    }

    [Test]
    public void OnEventException_FirstFault_LogsErrorWithSequenceAndException()
    {
        var logger = new CapturingLogger();
        var handler = new LoggingExceptionHandler(FaultPolicy.LogAndContinue, logger);

        handler.OnEventException(s_fault, 4711);

        var entry = logger.Entries.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Level, Is.EqualTo(LogLevel.Error));
            Assert.That(entry.Message, Does.Contain("4711"));
            Assert.That(entry.Exception, Is.SameAs(s_fault));
        }
    }

    [Test]
    public void OnEventException_ManyFaultsWithContinue_LogsFirstFewThenOneInLogEvery()
    {
        var logger = new CapturingLogger();
        var handler = new LoggingExceptionHandler(FaultPolicy.LogAndContinue, logger);

        for (int i = 0; i < 2 * LoggingExceptionHandler.LogEvery; i++)
        {
            handler.OnEventException(s_fault, i);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(handler.FaultCount, Is.EqualTo(2 * LoggingExceptionHandler.LogEvery));
            Assert.That(logger.Entries, Has.Count.EqualTo(LoggingExceptionHandler.LogFirst + 2));
            Assert.That(logger.CountAt(LogLevel.Error), Is.EqualTo(logger.Entries.Count));
        }
    }

    [Test]
    public void OnEventException_HaltPolicy_LogsEveryFault()
    {
        var logger = new CapturingLogger();
        var handler = new LoggingExceptionHandler(FaultPolicy.LogAndHalt, logger);

        for (int i = 0; i < LoggingExceptionHandler.LogFirst + 5; i++)
        {
            handler.OnEventException(s_fault, i);
        }

        Assert.That(logger.Entries, Has.Count.EqualTo(LoggingExceptionHandler.LogFirst + 5));
    }

    [Test]
    public void OnEventException_AsProcessorPolicy_CountsEveryFaultTheProcessorSaw()
    {
        var ring = RingBuffer<TestEvent>.Create(ProducerType.Single, 64, new YieldingWaitStrategy());
        var policy = new LoggingExceptionHandler(FaultPolicy.LogAndContinue, NullLogger.Instance);
        var processor = new BatchEventProcessor<TestEvent, ThrowingHandler>(ring, ring.NewBarrier(), new ThrowingHandler(1, 2, 30), policy, 16);
        ring.AddGatingSequences(processor.Sequence);
        TestProducer.Publish(ring, producerId: 0, count: 40);
        processor.Halt();

        processor.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.FaultCount, Is.EqualTo(3));
            Assert.That(processor.FaultCount, Is.EqualTo(3));
            Assert.That(processor.Handler.Handled, Has.Count.EqualTo(37));
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Halted));
        }
    }

    [Test]
    public void OnEventException_HaltPolicyAsProcessorPolicy_FaultsTheProcessor()
    {
        var ring = RingBuffer<TestEvent>.Create(ProducerType.Single, 64, new YieldingWaitStrategy());
        var logger = new CapturingLogger();
        var policy = new LoggingExceptionHandler(FaultPolicy.LogAndHalt, logger);
        var processor = new BatchEventProcessor<TestEvent, ThrowingHandler>(ring, ring.NewBarrier(), new ThrowingHandler(10), policy, 16);
        ring.AddGatingSequences(processor.Sequence);
        TestProducer.Publish(ring, producerId: 0, count: 40);

        processor.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(processor.State, Is.EqualTo(ProcessorState.Faulted));
            Assert.That(processor.Sequence.Value, Is.EqualTo(9));
            Assert.That(policy.FaultCount, Is.EqualTo(1));
            Assert.That(logger.CountAt(LogLevel.Error), Is.EqualTo(1));
        }
    }
}
