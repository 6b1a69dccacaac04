namespace Engine.Ring;

/// <summary>
/// What a consumer waits on: the slots its ring has published and, when it runs after other
/// consumers, how far those have got. Also carries the halt signal (the alert).
/// </summary>
/// <remarks>
/// One consumer thread calls <see cref="WaitFor"/>; any thread may call <see cref="Alert"/>.
/// Allocation-free after construction.
/// </remarks>
public sealed class SequenceBarrier
{
    private readonly Sequencer _sequencer;
    private readonly IWaitStrategy _waitStrategy;
    private readonly Sequence _cursor;
    private readonly Sequence[] _dependents;
    private int _alerted;

    internal SequenceBarrier(Sequencer sequencer, Sequence[] dependents)
    {
        _sequencer = sequencer;
        _waitStrategy = sequencer.WaitStrategy;
        _cursor = sequencer.Cursor;
        // With no upstream consumer, the barrier follows the producers' cursor alone.
        _dependents = dependents.Length == 0 ? [_cursor] : [.. dependents];
    }

    /// <summary>Whether <see cref="Alert"/> has been called since the last <see cref="ClearAlert"/>.</summary>
    public bool IsAlerted => Volatile.Read(ref _alerted) != 0;

    /// <summary>
    /// Waits until <paramref name="sequence"/> is published and processed by every dependent
    /// consumer, and returns the highest sequence that may be processed (at least
    /// <paramref name="sequence"/>). Returns less than <paramref name="sequence"/> only when alerted.
    /// </summary>
    public long WaitFor(long sequence)
    {
        long available = _waitStrategy.WaitFor(sequence, _cursor, _dependents, this);
        if (available < sequence)
        {
            return available;
        }
        long published = _sequencer.GetHighestPublishedSequence(sequence, available);
        return published >= sequence ? published : WaitForClaimedSlot(sequence, available);
    }

    /// <summary>
    /// With several producers the cursor counts claims: the slot may be claimed but still being
    /// written. The writer is mid-copy, so spin (then yield) until it publishes.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private long WaitForClaimedSlot(long sequence, long available)
    {
        var spin = new SpinWait();
        long published;
        while ((published = _sequencer.GetHighestPublishedSequence(sequence, available)) < sequence && !IsAlerted)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
        return published;
    }

    /// <summary>Like <see cref="WaitFor"/>, but returns at once with whatever is available.</summary>
    public long AvailableNow(long sequence)
    {
        long available = Sequence.Minimum(_dependents, _cursor.Value);
        return available < sequence ? available : _sequencer.GetHighestPublishedSequence(sequence, available);
    }

    /// <summary>Asks the consumer to stop waiting; it then drains what is published and halts.</summary>
    public void Alert()
    {
        // A full fence between the flag and the wake-up, so a blocking waiter cannot miss both.
        Interlocked.Exchange(ref _alerted, 1);
        _waitStrategy.SignalAllWhenBlocking();
    }

    /// <summary>Clears the alert before a consumer starts (again).</summary>
    public void ClearAlert() => Volatile.Write(ref _alerted, 0);
}
