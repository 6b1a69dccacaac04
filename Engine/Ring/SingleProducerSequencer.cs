using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Engine.Ring;

/// <summary>
/// Sequencer for exactly one publishing thread: claiming a slot is a plain increment and a compare
/// against a cached copy of the slowest consumer, with no atomic instruction.
/// </summary>
/// <remarks>
/// <see cref="Next"/>, <see cref="TryNext"/> and <see cref="Publish"/> may be called from one
/// thread only. The counters may be read from any thread.
/// </remarks>
public sealed class SingleProducerSequencer : Sequencer
{
    private readonly ProducerState _state = new();

    /// <summary>Creates a single-producer sequencer.</summary>
    public SingleProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
        : base(bufferSize, waitStrategy)
    {
    }

    /// <inheritdoc />
    public override long ClaimWaits => Volatile.Read(ref _state.ClaimWaits);

    /// <inheritdoc />
    public override long TryClaimFailures => Volatile.Read(ref _state.TryClaimFailures);

    /// <inheritdoc />
    protected override long LastClaimed => Volatile.Read(ref _state.NextValue);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override long Next()
    {
        long next = _state.NextValue + 1;
        if (next - BufferSize > _state.CachedGatingValue)
        {
            WaitForCapacity(next);
        }
        _state.NextValue = next;
        return next;
    }

    /// <inheritdoc />
    public override bool TryNext(out long sequence)
    {
        long next = _state.NextValue + 1;
        if (next - BufferSize > _state.CachedGatingValue)
        {
            long minimum = MinimumGatingSequence(_state.NextValue);
            _state.CachedGatingValue = minimum;
            if (next - BufferSize > minimum)
            {
                _state.TryClaimFailures++;
                sequence = -1;
                return false;
            }
        }
        _state.NextValue = next;
        sequence = next;
        return true;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override void Publish(long sequence)
    {
        Cursor.SetValue(sequence);
        if (SignalsOnPublish)
        {
            WaitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <inheritdoc />
    public override bool IsAvailable(long sequence) => sequence <= Cursor.Value;

    /// <inheritdoc />
    public override long GetHighestPublishedSequence(long lowerBound, long availableSequence) => availableSequence;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForCapacity(long next)
    {
        long wrapPoint = next - BufferSize;
        long minimum = MinimumGatingSequence(_state.NextValue);
        if (wrapPoint > minimum)
        {
            _state.ClaimWaits++;
            var spin = new SpinWait();
            while (wrapPoint > (minimum = MinimumGatingSequence(_state.NextValue)))
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }
        _state.CachedGatingValue = minimum;
    }

    /// <summary>
    /// The producer's own fields, padded so that the producer's writes never share a line with what
    /// consumers read (the cursor object, the sequencer's read-only fields).
    /// </summary>
    [StructLayout(LayoutKind.Explicit)]
    private sealed class ProducerState
    {
        [FieldOffset(CacheLine.PaddingBytes)]
        public long NextValue = Sequence.InitialValue;

        [FieldOffset(CacheLine.PaddingBytes + 8)]
        public long CachedGatingValue = Sequence.InitialValue;

        [FieldOffset(CacheLine.PaddingBytes + 16)]
        public long ClaimWaits;

        [FieldOffset(CacheLine.PaddingBytes + 24)]
        public long TryClaimFailures;

#pragma warning disable CS0169 // never read: it only keeps the next heap object off the hot lines
        [FieldOffset((CacheLine.PaddingBytes * 2) + 24)]
        private readonly long _trailingGuard;
#pragma warning restore CS0169
    }
}
