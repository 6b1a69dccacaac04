namespace Engine.Orders.Twap;

/// <summary>
/// Hands a TWAP parent built off the loop (its <see cref="TwapExecutor"/> and <see cref="TwapSnapshot"/>,
/// sized for its slices) to the loop: the admin side posts, then publishes
/// <see cref="Pipeline.ControlCommand.StartTwap"/> into the inbound ring; the <see cref="TwapStage"/>
/// takes the parent when that command reaches it. The loop so never allocates for a parent.
/// </summary>
/// <remarks>One reference swapped atomically, no lock: a second post before the loop takes the first replaces it.</remarks>
public sealed class TwapMailbox
{
    private TwapParent? _pending;

    /// <summary>Leaves <paramref name="parent"/> for the loop. Any thread.</summary>
    public void Post(TwapParent parent) => Volatile.Write(ref _pending, parent);

    /// <summary>The parent posted since the last take, or null. Loop thread.</summary>
    public TwapParent? Take() => Interlocked.Exchange(ref _pending, null);
}

/// <summary>One TWAP parent as handed to the loop: the executor that runs it and the snapshot it publishes to.</summary>
/// <param name="Executor">Runs the parent; loop thread only once posted.</param>
/// <param name="Snapshot">The parent and its children as of the last publish, for any thread.</param>
public sealed record TwapParent(TwapExecutor Executor, TwapSnapshot Snapshot);
