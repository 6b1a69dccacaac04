namespace Engine.Ring.WaitStrategies;

/// <summary>The wait strategies a config file may name.</summary>
public enum WaitStrategyKind
{
    /// <summary>Spin on the sequence: lowest latency, burns a whole core. Needs a core of its own.</summary>
    BusySpin,

    /// <summary>Spin briefly, then yield the core to other threads between checks.</summary>
    Yielding,

    /// <summary>Spin, then yield, then sleep about a millisecond between checks: little CPU when idle.</summary>
    Sleeping,

    /// <summary>Sleep on a monitor until a producer signals: no CPU when idle, microseconds to wake.</summary>
    Blocking,
}
