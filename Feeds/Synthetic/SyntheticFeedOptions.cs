namespace Feeds.Synthetic;

/// <summary>Settings of the built-in synthetic market: how many instruments, how fast, which seed.</summary>
public sealed record SyntheticFeedOptions
{
    /// <summary>Whether the engine runs the synthetic market; off, its instruments take no ids and the feeds' start at 0.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Number of instruments, ids 0..n-1.</summary>
    public int Instruments { get; set; } = 4;

    /// <summary>The instrument ids the market takes: <see cref="Instruments"/> when enabled, none when off. A method: derived, not a key.</summary>
    public int ActiveInstruments() => Enabled ? Instruments : 0;

    /// <summary>The publishing threads the engine starts: <see cref="Threads"/> when enabled, none when off. A method: derived, not a key.</summary>
    public int ActiveThreads() => Enabled ? Threads : 0;

    /// <summary>Publishing threads; instrument i belongs to thread i % threads.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>Events per second over all threads; 0 publishes as fast as the ring takes them.</summary>
    public long RateEventsPerSecond { get; set; } = 1_000_000;

    /// <summary>Events each thread publishes before it stops; 0 runs until the engine stops.</summary>
    public long MaxEventsPerThread { get; set; }

    /// <summary>Seed of the generator: the same seed gives the same event stream.</summary>
    public ulong Seed { get; set; } = 42;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (Instruments is < 1 or > 10_000)
        {
            errors.Add($"{path}.instruments: {Instruments} is outside 1..10000");
        }
        if (Threads < 1 || Threads > 16 || Threads > Instruments)
        {
            errors.Add($"{path}.threads: {Threads} must be 1..16 and at most instruments ({Instruments})");
        }
        if (RateEventsPerSecond is < 0 or > 1_000_000_000)
        {
            errors.Add($"{path}.rateEventsPerSecond: {RateEventsPerSecond} is outside 0..1000000000 (0 = unpaced)");
        }
        if (MaxEventsPerThread < 0)
        {
            errors.Add($"{path}.maxEventsPerThread: {MaxEventsPerThread} must be >= 0 (0 = unlimited)");
        }
    }
}
