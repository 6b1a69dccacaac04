using Engine.Ring;

namespace Engine.Tests.Ring;

/// <summary>Publishes numbered <see cref="TestEvent"/>s the way a feed does: claim, write in place, publish.</summary>
internal static class TestProducer
{
    /// <summary>Publishes values 1..<paramref name="count"/> tagged with <paramref name="producerId"/>, waiting when the ring is full.</summary>
    public static void Publish(RingBuffer<TestEvent> ring, int producerId, long count)
    {
        for (long value = 1; value <= count; value++)
        {
            using var claim = ring.Claim();
            ref var e = ref claim.Event;
            e.Value = value;
            e.ProducerId = producerId;
            e.StageValue = 0;
        }
    }

    /// <summary>The sum 1 + 2 + … + <paramref name="count"/>: what a consumer's sum of one producer must be.</summary>
    public static long SumUpTo(long count) => count * (count + 1) / 2;
}
