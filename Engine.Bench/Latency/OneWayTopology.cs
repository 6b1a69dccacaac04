using System.Diagnostics;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using HdrHistogram;

namespace Engine.Bench.Latency;

/// <summary>
/// One producer, one consumer: the producer stamps each event with the clock just before publishing,
/// one event every <c>intervalNs</c>; the consumer records now minus the stamp. With
/// <c>stampIntended</c> the stamp is the time the event was due instead (coordinated-omission
/// corrected, as <c>bench latency</c> measures the pipeline). Pinned, the consumer runs on the loop's CPU
/// and the producer on the feeds' (<see cref="Pinning"/>); <c>reversed</c> swaps the two, to show
/// whether the host makes one direction between the cores dearer than the other.
/// </summary>
internal static class OneWayTopology
{
    private const int RingSlots = 65_536;

    public static LatencyStats Run(WaitStrategyKind wait, bool pinned, bool reversed, TimeSpan duration, long intervalNs) =>
        LatencyStats.From(Record(wait, pinned, reversed, duration, intervalNs, stampIntended: false));

    /// <summary>Runs the topology and returns its histogram (Stopwatch ticks).</summary>
    public static LongHistogram Record(WaitStrategyKind wait, bool pinned, bool reversed, TimeSpan duration, long intervalNs, bool stampIntended)
    {
        var ring = RingBuffer<ValueEvent>.Create(ProducerType.Single, RingSlots, WaitStrategyFactory.Create(wait));
        var histogram = LatencyStats.NewHistogram();
        var processor = new BatchEventProcessor<ValueEvent, RecordHandler>(ring, ring.NewBarrier(), new RecordHandler(histogram), new HaltingExceptionHandler(), RingSlots);
        ring.AddGatingSequences(processor.Sequence);
        var consumer = Pinning.Start("bench-consumer", pinned, reversed ? Pinning.ProducerCpu : Pinning.ConsumerCpu, processor.Run);

        long intervalTicks = Math.Max(1, intervalNs * Stopwatch.Frequency / 1_000_000_000);
        long durationTicks = (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var producer = Pinning.Start("bench-producer", pinned, reversed ? Pinning.ConsumerCpu : Pinning.ProducerCpu, () =>
        {
            long start = Stopwatch.GetTimestamp();
            long end = start + durationTicks;
            for (long due = start; due < end; due += intervalTicks)
            {
                while (Stopwatch.GetTimestamp() < due)
                {
                    // pace: one event per interval
                }
                long sequence = ring.Next();
                ring[sequence].Value = stampIntended ? due : Stopwatch.GetTimestamp();
                ring.Publish(sequence);
            }
        });
        producer.Join();
        processor.Halt();
        consumer.Join();
        return histogram;
    }

    private readonly struct RecordHandler(LongHistogram histogram) : IEventHandler<ValueEvent>
    {
        public void OnEvent(ref ValueEvent e, long sequence, bool endOfBatch) =>
            histogram.RecordValue(Stopwatch.GetTimestamp() - e.Value);
    }
}
