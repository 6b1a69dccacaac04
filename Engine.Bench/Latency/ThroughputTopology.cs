using System.Diagnostics;
using Engine.Ring;
using Engine.Ring.WaitStrategies;

namespace Engine.Bench.Latency;

/// <summary>
/// One producer, one consumer, value events: how many events per second pass through the ring.
/// The clock runs from the producer's first claim to the consumer's last event.
/// </summary>
internal static class ThroughputTopology
{
    private const int RingSlots = 65_536;
    private const int MaxBatch = RingSlots;

    public static double Run(WaitStrategyKind wait, bool pinned, long events)
    {
        var ring = RingBuffer<ValueEvent>.Create(ProducerType.Single, RingSlots, WaitStrategyFactory.Create(wait));
        using var done = new Completion(events - 1);
        var processor = new BatchEventProcessor<ValueEvent, SumHandler>(ring, ring.NewBarrier(), new SumHandler(done), new HaltingExceptionHandler(), MaxBatch);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = Pinning.Start("bench-consumer", pinned, Pinning.ConsumerCpu, processor.Run);

        long startTicks = 0;
        var producer = Pinning.Start("bench-producer", pinned, Pinning.ProducerCpu, () =>
        {
            startTicks = Stopwatch.GetTimestamp();
            for (long i = 0; i < events; i++)
            {
                long sequence = ring.Next();
                ring[sequence].Value = i;
                ring.Publish(sequence);
            }
        });
        producer.Join();
        done.Wait();
        processor.Halt();
        consumer.Join();

        long expected = events * (events - 1) / 2;
        if (processor.Handler.Sum != expected)
        {
            throw new InvalidOperationException($"sum {processor.Handler.Sum} != expected {expected}: events lost or duplicated");
        }
        double seconds = (done.EndTicks - startTicks) / (double)Stopwatch.Frequency;
        return events / seconds;
    }

    /// <summary>Adds every value; notes the time of the last one.</summary>
    private struct SumHandler(Completion done) : IEventHandler<ValueEvent>
    {
        public long Sum;

        public void OnEvent(ref ValueEvent e, long sequence, bool endOfBatch)
        {
            Sum += e.Value;
            if (sequence == done.LastSequence)
            {
                done.Complete(Stopwatch.GetTimestamp());
            }
        }
    }
}
