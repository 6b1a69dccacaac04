using System.Numerics;
using Engine.Memory;

namespace Engine.Orders;

/// <summary>
/// The orders the router has sent and not yet seen answered, oldest first: a ring of (slot, client
/// order id, send stamp) sized at start-up, for <see cref="RouterStage.CheckAnswers"/>. Orders go in
/// in send order, so the oldest is always at the head and the check stops at the first one not yet due.
/// </summary>
/// <remarks>Loop thread only; allocates nothing after construction. Capacity 0: off (nothing is kept).</remarks>
internal sealed class AwaitedAnswers
{
    private readonly Awaited[] _ring;
    private readonly int _mask;
    private int _head;
    private int _count;

    /// <summary>Room for at least <paramref name="capacity"/> orders (0: off); an order is due <paramref name="timeoutTicks"/> after its send.</summary>
    public AwaitedAnswers(int capacity, long timeoutTicks)
    {
        int size = capacity > 0 ? (int)BitOperations.RoundUpToPowerOf2((uint)capacity) : 0;
        _ring = Prefaulted.Array<Awaited>(size);
        _mask = size - 1;
        TimeoutTicks = timeoutTicks;
    }

    /// <summary>How long after its send an order's answer is due, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long TimeoutTicks { get; }

    /// <summary>
    /// Keeps the order in <paramref name="slot"/>; when the ring is full (more orders sent within one timeout
    /// than the table holds) the oldest is forgotten first and false is returned. Off: does nothing.
    /// </summary>
    public bool TryAdd(int slot, long clientOrderId, long sentTicks)
    {
        if (_ring.Length == 0)
        {
            return true;
        }
        bool room = _count < _ring.Length;
        if (!room)
        {
            Pop();
        }
        _ring[(_head + _count) & _mask] = new Awaited(slot, clientOrderId, sentTicks);
        _count++;
        return room;
    }

    /// <summary>The oldest order kept, if any.</summary>
    public bool TryPeek(out int slot, out long clientOrderId, out long sentTicks)
    {
        if (_count == 0)
        {
            (slot, clientOrderId, sentTicks) = (-1, 0, 0);
            return false;
        }
        (slot, clientOrderId, sentTicks) = _ring[_head];
        return true;
    }

    /// <summary>Forgets the oldest order kept.</summary>
    public void Pop()
    {
        _head = (_head + 1) & _mask;
        _count--;
    }

    /// <summary>One order kept: its table slot, its client order id (the slot may be reused) and its send stamp.</summary>
    private readonly record struct Awaited(int Slot, long ClientOrderId, long SentTicks);
}
