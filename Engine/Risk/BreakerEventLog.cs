using Engine.Ring;

namespace Engine.Risk;

/// <summary>
/// A pre-sized single-producer, single-consumer ring of <see cref="BreakerTransition"/>s: the loop
/// thread appends, one other thread (metrics, journal, control) drains.
/// </summary>
/// <remarks>
/// Never blocks and never allocates after construction. When the drainer lags and the ring is full,
/// the new transition is dropped and counted in <see cref="Dropped"/> (the loop never waits on a reader).
/// </remarks>
public sealed class BreakerEventLog
{
    private readonly BreakerTransition[] _slots;
    private readonly int _mask;
    private long _published; // next sequence to write; written by the producer only
    private long _consumed;  // next sequence to read; written by the consumer only
    private long _dropped;

    /// <summary>Creates a log of <paramref name="capacity"/> slots, a power of two.</summary>
    public BreakerEventLog(int capacity)
    {
        if (capacity < 1 || !int.IsPow2(capacity))
        {
            ThrowHelper.ThrowArgument(nameof(capacity), $"capacity {capacity} must be a power of two");
        }
        _slots = new BreakerTransition[capacity];
        _mask = capacity - 1;
    }

    /// <summary>Slots in the ring.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Transitions dropped because the ring was full. Loop thread.</summary>
    public long Dropped => _dropped;

    /// <summary>Transitions appended so far (dropped ones excluded). Any thread.</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Appends one transition, or drops and counts it when the ring is full. Loop thread only; O(1), no allocation.</summary>
    public void Append(in BreakerTransition transition)
    {
        long sequence = _published;
        // Acquire: the drainer has finished copying every slot below _consumed before we overwrite it.
        if (sequence - Volatile.Read(ref _consumed) >= _slots.Length)
        {
            _dropped++;
            return;
        }
        _slots[(int)sequence & _mask] = transition;
        // Release: the slot is written before the drainer can see the new sequence.
        Volatile.Write(ref _published, sequence + 1);
    }

    /// <summary>Copies up to <paramref name="destination"/>.Length transitions, oldest first, and frees their slots. One drainer thread only.</summary>
    /// <returns>How many were copied.</returns>
    public int Drain(Span<BreakerTransition> destination)
    {
        long consumed = _consumed;
        // Acquire: every slot below the published sequence is fully written.
        long available = Volatile.Read(ref _published) - consumed;
        int count = (int)Math.Min(available, destination.Length);
        for (int i = 0; i < count; i++)
        {
            destination[i] = _slots[(int)(consumed + i) & _mask];
        }
        // Release: the copies are done before the producer may reuse the slots.
        Volatile.Write(ref _consumed, consumed + count);
        return count;
    }
}
