using System.Diagnostics;

namespace Engine.Pipeline;

/// <summary>The system's real-time clock (<see cref="DateTime.UtcNow"/>, a vDSO call on Linux, tens of nanoseconds).</summary>
/// <remarks>
/// <see cref="UtcNsAt"/> turns a <see cref="Stopwatch"/> stamp into UTC without reading the clock, from
/// a pair of readings of both (the anchor) taken again whenever a stamp is more than a second past it:
/// the two clocks run at the same rate (NTP slews both), so only a step of the wall clock separates
/// them, and that shows within a second. A stamp from before the anchor's second, or none (0), gets
/// the clock read instead. <see cref="UtcNsAt"/> is for one thread (the loop); <see cref="UtcNowNs"/>
/// for any.
/// </remarks>
public sealed class SystemClock : IClock
{
    private static readonly long s_epochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly long s_anchorSpanTicks = Stopwatch.Frequency;

    // Nanoseconds a stopwatch tick; 0 where a tick is not a whole number of them (every stamp then reads the clock).
    private static readonly long s_nsPerTick = 1_000_000_000 % Stopwatch.Frequency == 0 ? 1_000_000_000 / Stopwatch.Frequency : 0;

    private long _anchorNs;
    private long _anchorTicks = long.MinValue / 2;

    /// <inheritdoc />
    public long UtcNowNs() => (DateTime.UtcNow.Ticks - s_epochTicks) * 100;

    /// <inheritdoc />
    public long UtcNsAt(long stopwatchTicks)
    {
        if (stopwatchTicks <= 0 || s_nsPerTick == 0)
        {
            return UtcNowNs();
        }
        long sinceAnchor = stopwatchTicks - _anchorTicks;
        if (sinceAnchor > s_anchorSpanTicks)
        {
            _anchorNs = UtcNowNs();
            _anchorTicks = Stopwatch.GetTimestamp();
            sinceAnchor = stopwatchTicks - _anchorTicks;
        }
        if (sinceAnchor < -s_anchorSpanTicks)
        {
            return UtcNowNs();
        }
        return _anchorNs + (sinceAnchor * s_nsPerTick);
    }
}
