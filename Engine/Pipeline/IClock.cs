namespace Engine.Pipeline;

/// <summary>The loop's wall clock: Unix nanoseconds, UTC. Live runs read the system clock; backtests drive a simulated one.</summary>
public interface IClock
{
    /// <summary>Now, in Unix nanoseconds (UTC).</summary>
    long UtcNowNs();

    /// <summary>
    /// The time this clock showed at <paramref name="stopwatchTicks"/>, a <see cref="System.Diagnostics.Stopwatch"/>
    /// stamp taken in this process (an inbound event's publish stamp), in Unix nanoseconds (UTC). A clock
    /// that does not follow the stopwatch (a simulated one) answers <see cref="UtcNowNs"/>.
    /// </summary>
    /// <remarks>One thread calls it: the loop.</remarks>
    long UtcNsAt(long stopwatchTicks) => UtcNowNs();
}
