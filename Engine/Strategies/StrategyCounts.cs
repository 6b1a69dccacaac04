namespace Engine.Strategies;

/// <summary>
/// A strategy's counts for other threads (<c>/metrics</c>): the intents it submitted and the checks
/// refused (<see cref="StrategyContext"/>), then its own (<see cref="IStrategy.CountNames"/>). The loop
/// writes them at each end of batch, straight into the array other threads read: each count is one
/// aligned 64-bit store, never torn, and no reader needs two counts to agree.
/// </summary>
public sealed class StrategyCounts
{
    private readonly long[] _published;

    /// <summary>Names the counts of <paramref name="strategy"/> (none of its own when null).</summary>
    public StrategyCounts(IStrategy? strategy)
    {
        Names = ["intents_submitted", "intents_refused", .. strategy?.CountNames ?? []];
        _published = new long[Names.Count];
    }

    /// <summary>The counts' names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The count named <c>Names[index]</c>, as of the last end of batch. Any thread.</summary>
    public long this[int index] => Volatile.Read(ref _published[index]);

    /// <summary>Copies the counts of <paramref name="strategy"/> and its <paramref name="context"/>. Loop thread.</summary>
    internal void Publish(IStrategy strategy, StrategyContext context)
    {
        var counts = _published;
        counts[0] = context.Submitted;
        counts[1] = context.Refused;
        strategy.CopyCounts(counts.AsSpan(2));
    }
}
