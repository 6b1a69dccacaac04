namespace Engine.Pipeline;

/// <summary>The loop's wall clock: Unix nanoseconds, UTC. Live runs read the system clock; backtests drive a simulated one.</summary>
public interface IClock
{
    /// <summary>Now, in Unix nanoseconds (UTC).</summary>
    long UtcNowNs();
}
