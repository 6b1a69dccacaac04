namespace Engine.Orders.Twap;

/// <summary>
/// The TWAP parent and its children as of the last end of batch, for any thread: the loop copies
/// the executor's view under a sequence lock, a reader copies it out and retries if a copy overlapped.
/// </summary>
/// <remarks>
/// The loop copies only when the executor's <see cref="TwapExecutor.Revision"/> has moved, and only the
/// children that may have changed since (from the first still open, or an ended one a late fill
/// changed), so a long schedule costs a copy of its few open children per batch; it never waits for readers.
/// </remarks>
public sealed class TwapSnapshot
{
    private readonly TwapReport _published;
    private int _version; // even: stable; odd: the loop is copying
    private long _revision = -1;
    private int _stableChildren; // children below this index had ended when last copied (the executor reports any change to them since)

    /// <summary>A snapshot with room for <paramref name="slices"/> children.</summary>
    public TwapSnapshot(int slices) => _published = new TwapReport(slices);

    /// <summary>Copies the executor's view if it changed. Loop thread only, at the end of a batch; allocates nothing.</summary>
    internal void Publish(TwapExecutor executor)
    {
        if (executor.Revision == _revision)
        {
            return;
        }
        int from = Math.Min(Math.Min(_stableChildren, executor.TakeChangedEndedFrom()), executor.Children.Length);
        // Full fence: the version turns odd before any byte of the copy is written.
        Interlocked.Increment(ref _version);
        _published.CopyFrom(executor, from);
        // Release: the copy is complete before the version turns even again.
        Volatile.Write(ref _version, _version + 1);
        _revision = executor.Revision;
        _stableChildren = executor.FirstOpenChild();
    }

    /// <summary>
    /// Copies the last published view into <paramref name="destination"/> (sized for the parent's
    /// slices); false when every one of <paramref name="attempts"/> tries overlapped a publish. Any thread.
    /// </summary>
    public bool TryRead(TwapReport destination, int attempts = 64)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var spin = default(SpinWait);
        for (int i = 0; i < attempts; i++)
        {
            // Acquire: the copy below reads what the publish before this version wrote.
            int before = Volatile.Read(ref _version);
            if ((before & 1) == 0)
            {
                destination.CopyFrom(_published);
                // Full fence: the copy's reads finish before the version is read again.
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _version) == before)
                {
                    return true;
                }
            }
            spin.SpinOnce();
        }
        return false;
    }
}
