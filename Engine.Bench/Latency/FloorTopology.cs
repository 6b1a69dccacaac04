using System.Diagnostics;
using System.Runtime.InteropServices;
using Engine.Ring;

namespace Engine.Bench.Latency;

/// <summary>
/// The physical floor: two threads bounce a counter through one shared, padded variable, with no
/// ring at all. Nothing built on shared memory can round-trip faster on this machine.
/// </summary>
internal static class FloorTopology
{
    public static LatencyStats Run(bool pinned, TimeSpan duration)
    {
        var shared = new SharedCounter();
        var histogram = LatencyStats.NewHistogram();
        long durationTicks = (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var ponger = Pinning.Start("floor-pong", pinned, Pinning.ConsumerCpu, () =>
        {
            for (long expected = 1; ; expected += 2)
            {
                long seen;
                while ((seen = Volatile.Read(ref shared.Value)) < expected && seen >= 0)
                {
                    // spin until pinged
                }
                if (seen < 0)
                {
                    return;
                }
                Volatile.Write(ref shared.Value, expected + 1);
            }
        });
        var pinger = Pinning.Start("floor-ping", pinned, Pinning.ProducerCpu, () =>
        {
            long end = Stopwatch.GetTimestamp() + durationTicks;
            long value = 0;
            long start;
            while ((start = Stopwatch.GetTimestamp()) < end)
            {
                Volatile.Write(ref shared.Value, ++value);
                while (Volatile.Read(ref shared.Value) != value + 1)
                {
                    // spin until ponged
                }
                value++;
                histogram.RecordValue(Stopwatch.GetTimestamp() - start);
            }
            Volatile.Write(ref shared.Value, long.MinValue);
        });
        pinger.Join();
        ponger.Join();
        return LatencyStats.From(histogram);
    }

    /// <summary>One padded long: a <see cref="Sequence"/> without the methods.</summary>
    [StructLayout(LayoutKind.Explicit)]
    private sealed class SharedCounter
    {
        [FieldOffset(CacheLine.PaddingBytes)]
        public long Value;

        [FieldOffset(CacheLine.PaddingBytes * 2)]
        public long TrailingGuard;
    }
}
