using Engine.Pipeline;

namespace Engine.Backtest;

/// <summary>A backtest's clock: its time is the recorded events' time, moved forward by the runner; nothing reads the wall clock.</summary>
/// <remarks>Backtest thread only. Time never goes back: an event older than the clock leaves it where it is.</remarks>
public sealed class SimulatedClock(long startNs) : IClock
{
    private long _nowNs = startNs;

    /// <inheritdoc />
    public long UtcNowNs() => _nowNs;

    /// <summary>Moves the clock to <paramref name="tsNs"/> if that is later than now.</summary>
    public void AdvanceTo(long tsNs)
    {
        if (tsNs > _nowNs)
        {
            _nowNs = tsNs;
        }
    }
}
