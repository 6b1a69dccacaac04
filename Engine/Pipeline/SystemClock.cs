namespace Engine.Pipeline;

/// <summary>The system's real-time clock (<see cref="DateTime.UtcNow"/>, a vDSO call on Linux, tens of nanoseconds).</summary>
public sealed class SystemClock : IClock
{
    private static readonly long s_epochTicks = DateTime.UnixEpoch.Ticks;

    /// <inheritdoc />
    public long UtcNowNs() => (DateTime.UtcNow.Ticks - s_epochTicks) * 100;
}
