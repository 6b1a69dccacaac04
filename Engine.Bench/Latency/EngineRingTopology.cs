using System.Diagnostics;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using HdrHistogram;

namespace Engine.Bench.Latency;

/// <summary>
/// The engine's inbound ring with no handlers: the pipeline's ring (multi-producer, 248-byte
/// <see cref="InboundEvent"/> slots, the engine's slot count, the wait strategy given) fed by the
/// pipeline's producer (a <see cref="PacedProducer"/> replaying the same market, stamped with each
/// event's due time), and a consumer on the loop's CPU that only records its stamp to now. Between the
/// bare ring (<see cref="OneWayTopology"/>: 8-byte events, one producer) and the pipeline it prices the
/// engine ring's own handoff, so that what tick-to-trade adds above it is the handlers' work.
/// </summary>
internal static class EngineRingTopology
{
    /// <summary>Runs <paramref name="duration"/> at <paramref name="rate"/> from the calling thread (pinned to the producer's CPU) and returns the histogram (Stopwatch ticks).</summary>
    public static LongHistogram Record(WaitStrategyKind wait, int slots, MarketRecording market, long rate, TimeSpan duration, long yieldEveryTicks)
    {
        var ring = RingBuffer<InboundEvent>.Create(ProducerType.Multi, slots, WaitStrategyFactory.Create(wait));
        var histogram = LatencyStats.NewHistogram();
        var processor = new BatchEventProcessor<InboundEvent, RecordHandler>(ring, ring.NewBarrier(), new RecordHandler(histogram), new HaltingExceptionHandler(), Math.Min(slots, new RingOptions().MaxBatchSize));
        ring.AddGatingSequences(processor.Sequence);
        var consumer = Pinning.Start("bench-engine-ring", pinned: true, Pinning.ConsumerCpu, processor.Run);
        Pinning.Apply(pinned: true, Pinning.ProducerCpu);
        var producer = new PacedProducer(ring, market, yieldEveryTicks);
        producer.Run(Math.Max(1, (long)(rate * duration.TotalSeconds)), rate, Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 1_000));
        while (processor.Sequence.Value < producer.Published - 1)
        {
            Thread.Yield();
        }
        processor.Halt();
        consumer.Join();
        return histogram;
    }

    private readonly struct RecordHandler(LongHistogram histogram) : IEventHandler<InboundEvent>
    {
        public void OnEvent(ref InboundEvent e, long sequence, bool endOfBatch) =>
            histogram.RecordValue(Stopwatch.GetTimestamp() - e.TsPublishTicks);
    }
}
