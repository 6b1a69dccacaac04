namespace Engine.Ring.WaitStrategies;

/// <summary>Builds the wait strategy a config names.</summary>
public static class WaitStrategyFactory
{
    /// <summary>A new wait strategy of <paramref name="kind"/>; one per ring.</summary>
    public static IWaitStrategy Create(WaitStrategyKind kind) => kind switch
    {
        WaitStrategyKind.BusySpin => new BusySpinWaitStrategy(),
        WaitStrategyKind.Yielding => new YieldingWaitStrategy(),
        WaitStrategyKind.Sleeping => new SleepingWaitStrategy(),
        WaitStrategyKind.Blocking => new BlockingWaitStrategy(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown wait strategy"),
    };
}
