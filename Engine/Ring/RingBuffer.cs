using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Engine.Memory;

namespace Engine.Ring;

/// <summary>
/// A pre-allocated ring of event structs. Producers claim a slot, write the event in place and
/// publish it; consumers read it in place by reference. Nothing is copied through a queue and
/// nothing is allocated per event.
/// </summary>
/// <typeparam name="T">A fixed-size, unmanaged event struct.</typeparam>
/// <example>
/// <code>
/// using (var claim = ring.Claim())
/// {
///     ref var e = ref claim.Event;
///     e.Price = 101_25;
/// } // published here
/// </code>
/// </example>
/// <remarks>
/// The slots live in one pinned block whose first slot starts on a 64-byte line. Over several
/// producers each slot is an 8-byte published flag followed by the event (see
/// <see cref="MultiProducerSequencer"/>); over one producer it is the event alone. So an event of 56
/// bytes less than a multiple of 64 (the engine's inbound event is 248) gives slots of whole lines,
/// the flag beside the event's first 56 bytes.
/// </remarks>
public sealed class RingBuffer<T>
    where T : unmanaged
{
    private readonly CacheLine.Block[] _slots;
    private readonly int _firstEvent;
    private readonly int _stride;
    private readonly long _indexMask;
    private readonly Sequencer _sequencer;
    private readonly SingleProducerSequencer? _singleProducer;

    /// <summary>Creates a ring over <paramref name="sequencer"/>, with every slot zeroed.</summary>
    public RingBuffer(Sequencer sequencer)
    {
        _sequencer = sequencer;
        // The single-producer claim is the hottest call of all: a direct, inlinable call on the sealed
        // type instead of a virtual one (whether PGO devirtualises it or not).
        _singleProducer = sequencer as SingleProducerSequencer;
        _indexMask = sequencer.BufferSize - 1;
        var multiProducer = sequencer as MultiProducerSequencer;
        int flagBytes = multiProducer is null ? 0 : sizeof(long);
        _stride = (flagBytes + Unsafe.SizeOf<T>() + sizeof(long) - 1) & ~(sizeof(long) - 1);
        // Pinned, so the alignment found here holds; padding at both ends keeps the first and last
        // slots off lines that other objects share.
        long bytes = ((long)sequencer.BufferSize * _stride) + (2 * CacheLine.PaddingBytes) + CacheLine.Bytes;
        // Every page written now, not at its first event (see Prefaulted): the outbound ring, written once
        // an order, would otherwise fault every forty-odd orders until its first lap (PERFORMANCE.md, session 13).
        _slots = Prefaulted.Touch(GC.AllocateArray<CacheLine.Block>((int)(bytes / CacheLine.Bytes) + 1, pinned: true));
        int firstSlot = CacheLine.PaddingBytes + CacheLine.BytesToNextLine(_slots);
        _firstEvent = firstSlot + flagBytes;
        multiProducer?.PlaceFlags(_slots, firstSlot, _stride);
    }

    /// <summary>Creates a ring of <paramref name="size"/> slots for one or several producers.</summary>
    public static RingBuffer<T> Create(ProducerType producerType, int size, IWaitStrategy waitStrategy) =>
        new(producerType == ProducerType.Single
            ? new SingleProducerSequencer(size, waitStrategy)
            : new MultiProducerSequencer(size, waitStrategy));

    /// <summary>Number of slots.</summary>
    public int BufferSize => _sequencer.BufferSize;

    /// <summary>The sequencer that hands out and publishes slots.</summary>
    public Sequencer Sequencer => _sequencer;

    /// <summary>The producers' cursor value (see <see cref="Ring.Sequencer.Cursor"/>).</summary>
    public long Cursor => _sequencer.Cursor.Value;

    /// <summary>The slot of <paramref name="sequence"/>, by reference. No bounds check: the mask keeps it in range.</summary>
    public ref T this[long sequence]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.As<CacheLine.Block, T>(ref Unsafe.AddByteOffset(ref MemoryMarshal.GetArrayDataReference(_slots), _firstEvent + ((nint)(sequence & _indexMask) * _stride)));
    }

    /// <summary>Bytes from one slot to the next: the event, after its published flag over several producers, rounded up to 8.</summary>
    public int SlotBytes => _stride;

    /// <summary>Claims the next slot, waiting while the ring is full. Publish it with <see cref="Publish"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next() => _singleProducer is not null ? _singleProducer.Next() : _sequencer.Next();

    /// <summary>Claims the next slot if there is room; false (counted) if the ring is full.</summary>
    public bool TryNext(out long sequence) => _sequencer.TryNext(out sequence);

    /// <summary>Publishes a claimed slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        if (_singleProducer is not null)
        {
            _singleProducer.Publish(sequence);
        }
        else
        {
            _sequencer.Publish(sequence);
        }
    }

    /// <summary>Claims the next slot and returns a scope that publishes it when disposed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ClaimScope<T> Claim() => new(this, Next());

    /// <summary>Like <see cref="Claim"/>, but fails fast (counted) when the ring is full.</summary>
    public bool TryClaim(out ClaimScope<T> scope)
    {
        if (_sequencer.TryNext(out long sequence))
        {
            scope = new ClaimScope<T>(this, sequence);
            return true;
        }
        scope = default;
        return false;
    }

    /// <summary>Creates a barrier for a consumer that runs after <paramref name="dependents"/> (or straight off the producers).</summary>
    public SequenceBarrier NewBarrier(params Sequence[] dependents) => _sequencer.NewBarrier(dependents);

    /// <summary>Makes the producers wait for these consumers. Start-up only.</summary>
    public void AddGatingSequences(params Sequence[] sequences) => _sequencer.AddGatingSequences(sequences);
}
