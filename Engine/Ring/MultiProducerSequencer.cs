using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Engine.Ring;

/// <summary>
/// Sequencer for several publishing threads (for example one per feed). A claim is one atomic add
/// on the cursor; each slot then carries a published flag, because slots may be published out of
/// order.
/// </summary>
/// <remarks>
/// The flag of a slot is the lap number of the sequence last published into it, so it never needs
/// resetting. Any thread may call every member.
/// </remarks>
public sealed class MultiProducerSequencer : Sequencer
{
    private const int FlagPad = CacheLine.PaddingBytes / sizeof(int);

    // Padded at both ends: producers write the flags, and the array's length word must not share their line.
    private readonly int[] _publishedLap;
    private readonly int _indexMask;
    private readonly int _lapShift;
    private readonly Sequence _cachedGating = new();
    private readonly Sequence _claimWaits = new(0);
    private readonly Sequence _tryClaimFailures = new(0);

    /// <summary>Creates a multi-producer sequencer.</summary>
    public MultiProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
        : base(bufferSize, waitStrategy)
    {
        _publishedLap = new int[bufferSize + (2 * FlagPad)];
        _publishedLap.AsSpan().Fill(-1);
        _indexMask = bufferSize - 1;
        _lapShift = System.Numerics.BitOperations.Log2((uint)bufferSize);
    }

    /// <inheritdoc />
    public override long ClaimWaits => _claimWaits.Value;

    /// <inheritdoc />
    public override long TryClaimFailures => _tryClaimFailures.Value;

    /// <inheritdoc />
    protected override long LastClaimed => Cursor.Value;

    /// <inheritdoc />
    public override long Next()
    {
        long next = Cursor.AddAndGet(1);
        long wrapPoint = next - BufferSize;
        if (wrapPoint > _cachedGating.Value)
        {
            WaitForCapacity(wrapPoint, next - 1);
        }
        return next;
    }

    /// <inheritdoc />
    public override bool TryNext(out long sequence)
    {
        while (true)
        {
            long current = Cursor.Value;
            long next = current + 1;
            long wrapPoint = next - BufferSize;
            if (wrapPoint > _cachedGating.Value)
            {
                long minimum = MinimumGatingSequence(current);
                _cachedGating.SetValue(minimum);
                if (wrapPoint > minimum)
                {
                    _tryClaimFailures.AddAndGet(1);
                    sequence = -1;
                    return false;
                }
            }
            if (Cursor.CompareAndSet(current, next))
            {
                sequence = next;
                return true;
            }
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Publish(long sequence)
    {
        // Release store: the event written into the slot is visible before its flag.
        Volatile.Write(ref Flag(sequence), (int)(sequence >>> _lapShift));
        if (SignalsOnPublish)
        {
            WaitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <inheritdoc />
    public override bool IsAvailable(long sequence) =>
        Volatile.Read(ref Flag(sequence)) == (int)(sequence >>> _lapShift);

    /// <summary>The published flag of <paramref name="sequence"/>'s slot; the mask keeps it in range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref int Flag(long sequence) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_publishedLap), FlagPad + ((int)sequence & _indexMask));

    /// <inheritdoc />
    public override long GetHighestPublishedSequence(long lowerBound, long availableSequence)
    {
        for (long sequence = lowerBound; sequence <= availableSequence; sequence++)
        {
            if (!IsAvailable(sequence))
            {
                return sequence - 1;
            }
        }
        return availableSequence;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForCapacity(long wrapPoint, long claimedBefore)
    {
        long minimum = MinimumGatingSequence(claimedBefore);
        if (wrapPoint > minimum)
        {
            _claimWaits.AddAndGet(1);
            var spin = new SpinWait();
            while (wrapPoint > (minimum = MinimumGatingSequence(claimedBefore)))
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }
        _cachedGating.SetValue(minimum);
    }
}
