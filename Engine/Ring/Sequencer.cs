namespace Engine.Ring;

/// <summary>
/// Hands out ring slots to producers and tracks which are published. The ring never hands out a
/// slot that a gating consumer has not finished with: that is the back-pressure.
/// </summary>
/// <remarks>
/// Two implementations: <see cref="SingleProducerSequencer"/> (one publishing thread, no atomic
/// instructions on the claim) and <see cref="MultiProducerSequencer"/> (any number of publishing
/// threads). Gating sequences are added before the ring is used, never while producers run.
/// </remarks>
public abstract class Sequencer
{
    private Sequence[] _gatingSequences = [];

    /// <summary>Creates a sequencer for a ring of <paramref name="bufferSize"/> slots.</summary>
    protected Sequencer(int bufferSize, IWaitStrategy waitStrategy)
    {
        if (bufferSize < 1 || !int.IsPow2(bufferSize))
        {
            ThrowHelper.ThrowArgument(nameof(bufferSize), $"ring size must be a power of two, got {bufferSize}");
        }
        BufferSize = bufferSize;
        WaitStrategy = waitStrategy;
        SignalsOnPublish = waitStrategy.IsBlocking;
    }

    /// <summary>Number of slots in the ring.</summary>
    public int BufferSize { get; }

    /// <summary>The wait strategy consumers of this ring use.</summary>
    public IWaitStrategy WaitStrategy { get; }

    /// <summary>
    /// The producers' cursor. For one producer it is the last published sequence; for several it is
    /// the last claimed one, and <see cref="GetHighestPublishedSequence"/> says what is published.
    /// </summary>
    public Sequence Cursor { get; } = new();

    /// <summary>Whether a publish must wake consumers that block in the wait strategy.</summary>
    protected bool SignalsOnPublish { get; }

    /// <summary>The consumers whose progress gates the producers.</summary>
    protected Sequence[] GatingSequences => _gatingSequences;

    /// <summary>Number of claims that found the ring full and had to wait (back-pressure events).</summary>
    public abstract long ClaimWaits { get; }

    /// <summary>Number of <see cref="TryNext(out long)"/> calls that failed because the ring was full.</summary>
    public abstract long TryClaimFailures { get; }

    /// <summary>Adds consumers that gate the producers. Start-up only.</summary>
    public void AddGatingSequences(params Sequence[] sequences)
    {
        long cursor = Cursor.Value;
        foreach (var sequence in sequences)
        {
            sequence.SetValue(cursor);
        }
        _gatingSequences = [.. _gatingSequences, .. sequences];
    }

    /// <summary>Claims the next slot, waiting while the ring is full.</summary>
    public abstract long Next();

    /// <summary>Claims the next slot if the ring has room; returns false (and counts it) otherwise.</summary>
    public abstract bool TryNext(out long sequence);

    /// <summary>Publishes a claimed slot to consumers.</summary>
    public abstract void Publish(long sequence);

    /// <summary>Whether <paramref name="sequence"/> has been published.</summary>
    public abstract bool IsAvailable(long sequence);

    /// <summary>
    /// The highest sequence in <paramref name="lowerBound"/>..<paramref name="availableSequence"/>
    /// up to which every slot is published, or lowerBound - 1 if none is.
    /// </summary>
    public abstract long GetHighestPublishedSequence(long lowerBound, long availableSequence);

    /// <summary>Slots a producer could claim right now without waiting.</summary>
    public long RemainingCapacity
    {
        get
        {
            long claimed = LastClaimed;
            return BufferSize - (claimed - Sequence.Minimum(_gatingSequences, claimed));
        }
    }

    /// <summary>The highest sequence handed out to a producer, published or not.</summary>
    protected abstract long LastClaimed { get; }

    /// <summary>Creates a barrier that waits for this sequencer's published slots and for <paramref name="dependents"/>.</summary>
    public SequenceBarrier NewBarrier(params Sequence[] dependents) => new(this, dependents);

    /// <summary>The lowest gating sequence, or <paramref name="whenNone"/> if nothing gates.</summary>
    protected long MinimumGatingSequence(long whenNone) => Sequence.Minimum(_gatingSequences, whenNone);
}
