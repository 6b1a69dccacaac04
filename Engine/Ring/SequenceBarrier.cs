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
    private readonly Sequence[] _dependents;
    private readonly bool _followsFlags;
    private int _alerted;

    internal SequenceBarrier(Sequencer sequencer, Sequence[] dependents)
    {
        _sequencer = sequencer;
        _waitStrategy = sequencer.WaitStrategy;
        // With no upstream consumer the barrier follows the producers: over one producer its cursor,
        // the last published sequence; over several, the published flag of the very slot awaited (the
        // cursor there counts claims, and the flag shares a line with the event).
        _followsFlags = dependents.Length == 0 && sequencer is MultiProducerSequencer;
        _dependents = dependents.Length == 0 ? [sequencer.Cursor] : [.. dependents];
    }

    /// <summary>Whether <see cref="Alert"/> has been called since the last <see cref="ClearAlert"/>.</summary>
    public bool IsAlerted => Volatile.Read(ref _alerted) != 0;

    /// <summary>
    /// Waits until <paramref name="sequence"/> is published and processed by every dependent
    /// consumer, and returns the highest sequence that may be processed (at least
    /// <paramref name="sequence"/>), looking no more than <paramref name="limit"/> slots ahead.
    /// Returns less than <paramref name="sequence"/> only when alerted or, with <paramref name="idleTicks"/>
    /// above 0, when nothing came for about that long (Stopwatch ticks).
    /// </summary>
    /// <remarks>
    /// Over several producers with no upstream consumer, a slot that had to be waited for comes back
    /// alone: finding out whether the next one is published too would read that slot's line before the
    /// producer writes it, one more trip between the cores before the awaited event is handled. A
    /// consumer that is behind finds its slot published at once and gets everything published after it.
    /// </remarks>
    public long WaitFor(long sequence, int limit = int.MaxValue, long idleTicks = 0)
    {
        long available = AvailableNow(sequence, limit);
        return available >= sequence ? available : _waitStrategy.WaitFor(sequence, this, idleTicks);
    }

    /// <summary>Like <see cref="WaitFor"/>, but returns at once with whatever is available.</summary>
    public long AvailableNow(long sequence, int limit = int.MaxValue)
    {
        long available = Probe(sequence);
        // The slot's own flag says it is published; the packed laps say how far the run goes on. A
        // producer sets the lap just after the flag, so the scan starts past the slot already known.
        return available >= sequence && _followsFlags
            ? _sequencer.GetHighestPublishedSequence(sequence + 1, Math.Min(_sequencer.Cursor.Value, sequence + limit - 1))
            : available;
    }

    /// <summary>
    /// What a wait strategy checks: the highest sequence the consumer may process now, or less than
    /// <paramref name="sequence"/> if that one may not be processed yet. Reads one published flag, or the
    /// slowest of the sequences followed.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public long Probe(long sequence) => _followsFlags
        ? (_sequencer.IsAvailable(sequence) ? sequence : sequence - 1)
        : Sequence.Minimum(_dependents, long.MaxValue);

    /// <summary>Whether a producer has published <paramref name="sequence"/> (upstream consumers aside): what a blocking strategy sleeps on.</summary>
    public bool IsPublished(long sequence) => _sequencer.IsAvailable(sequence);

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
