using System.Diagnostics;

namespace Engine.Ring;

/// <summary>
/// How long a wait strategy's wait has found nothing: the clock starts at the first <see cref="Expired"/>
/// and the wait may end once <c>idleTicks</c> (Stopwatch ticks; 0: never) have passed since.
/// </summary>
/// <remarks>Each call reads the clock (tens of nanoseconds): a spinning strategy calls it only every so many spins.</remarks>
internal struct IdleTimer(long idleTicks)
{
    private long _since;

    /// <summary>Whether the wait has been idle for the timeout; always false without one.</summary>
    public bool Expired()
    {
        if (idleTicks <= 0)
        {
            return false;
        }
        long now = Stopwatch.GetTimestamp();
        if (_since == 0)
        {
            _since = now;
            return false;
        }
        return now - _since >= idleTicks;
    }

    /// <summary>What is left of the timeout (at least 1 ms, for a monitor's wait), or infinite without one.</summary>
    public TimeSpan Remaining()
    {
        if (idleTicks <= 0)
        {
            return Timeout.InfiniteTimeSpan;
        }
        long now = Stopwatch.GetTimestamp();
        if (_since == 0)
        {
            _since = now;
        }
        long left = Math.Max(0, idleTicks - (now - _since));
        return TimeSpan.FromMilliseconds(Math.Max(1, left * 1_000 / Stopwatch.Frequency));
    }
}
