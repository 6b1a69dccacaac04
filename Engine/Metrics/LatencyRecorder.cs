using System.Diagnostics;
using HdrHistogram;

namespace Engine.Metrics;

/// <summary>
/// Records latencies from an event's intended time to when a stage finished it, in an HdrHistogram of
/// <see cref="Stopwatch"/> ticks, for events whose intended time falls inside a window (so warm-up
/// stays out). A producer that stamps each event with the time it was due, not the time it managed
/// to publish, makes the figures coordinated-omission corrected: a stall anywhere (the producer, the
/// ring, the loop) counts against every event that was due while it lasted.
/// </summary>
/// <remarks>
/// <para>One thread records (in the engine and the harnesses, the loop); read <see cref="Histogram"/> only after
/// that thread has stopped. <see cref="Open"/> may be called from any thread before the events of the
/// window are published. <see cref="Record"/> allocates nothing.</para>
/// <para>A latency beyond the histogram's range is recorded at its top and counted in
/// <see cref="Clamped"/>; a negative one (a clock read before the stamp) is recorded as 0.</para>
/// </remarks>
public sealed class LatencyRecorder
{
    private readonly LongHistogram _histogram;
    private readonly long _highestTicks;
    private long _fromTicks = long.MaxValue;
    private long _untilTicks = long.MaxValue;

    /// <summary>Creates a closed recorder for latencies up to <paramref name="highestTicks"/>, three significant digits.</summary>
    public LatencyRecorder(long highestTicks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(highestTicks, 2);
        _highestTicks = highestTicks;
        _histogram = new LongHistogram(highestTicks, 3);
    }

    /// <summary>The recorded latencies, Stopwatch ticks. Read after the recording thread has stopped.</summary>
    public LongHistogram Histogram => _histogram;

    /// <summary>Latencies beyond the histogram's range, recorded at its top.</summary>
    public long Clamped { get; private set; }

    /// <summary>Records from now on the events intended at or after <paramref name="fromTicks"/> and before <paramref name="untilTicks"/>.</summary>
    public void Open(long fromTicks, long untilTicks)
    {
        // Until first: a recorder that sees the new start also sees its end.
        Volatile.Write(ref _untilTicks, untilTicks);
        Volatile.Write(ref _fromTicks, fromTicks);
    }

    /// <summary>Records <paramref name="doneTicks"/> minus <paramref name="intendedTicks"/> when the intended time is in the window; returns whether it was.</summary>
    public bool Record(long intendedTicks, long doneTicks)
    {
        if (intendedTicks < Volatile.Read(ref _fromTicks) || intendedTicks >= Volatile.Read(ref _untilTicks))
        {
            return false;
        }
        long latency = Math.Max(0, doneTicks - intendedTicks);
        if (latency > _highestTicks)
        {
            latency = _highestTicks;
            Clamped++;
        }
        _histogram.RecordValue(latency);
        return true;
    }
}
