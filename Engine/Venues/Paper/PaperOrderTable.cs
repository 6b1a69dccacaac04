using Engine.Book;
using Engine.Memory;

namespace Engine.Venues.Paper;

/// <summary>
/// The paper venue's resting orders: a fixed pool of <see cref="PaperOrder"/> slots, one list per
/// instrument in arrival order (the order fills are handed out in, so a replay is deterministic),
/// and one client-order-id table that also remembers the ids of the last final orders.
/// </summary>
/// <remarks>
/// One thread (the loop's); allocates nothing after construction. The id table maps an id
/// to its pool slot (0..capacity-1) or, for a remembered final order, to capacity + its place in
/// the ring of final ids; when the ring is full the oldest final id is forgotten.
/// </remarks>
internal sealed class PaperOrderTable
{
    private readonly PaperOrder[] _orders;
    private readonly int[] _heads;
    private readonly int[] _tails;
    private readonly OrderIndex _ids;
    private readonly long[] _finalIds;
    private int _freeHead;
    private int _finalNext;
    private int _finalCount;

    public PaperOrderTable(int capacity, int instruments, int rememberedFinal)
    {
        _orders = Prefaulted.Array<PaperOrder>(capacity);
        for (int i = 0; i < capacity; i++)
        {
            _orders[i].Next = i + 1 < capacity ? i + 1 : -1;
        }
        _heads = new int[instruments];
        _tails = new int[instruments];
        Array.Fill(_heads, -1);
        Array.Fill(_tails, -1);
        _ids = new OrderIndex(capacity + rememberedFinal);
        _finalIds = Prefaulted.Array<long>(rememberedFinal);
    }

    /// <summary>Orders resting.</summary>
    public int Count { get; private set; }

    /// <summary>True when no order can rest.</summary>
    public bool IsFull => Count == _orders.Length;

    /// <summary>The slot at <paramref name="slot"/>, by reference.</summary>
    public ref PaperOrder this[int slot] => ref _orders[slot];

    /// <summary>The first resting order of <paramref name="instrumentId"/> in arrival order, or -1.</summary>
    public int Head(int instrumentId) => _heads[instrumentId];

    /// <summary>Whether <paramref name="clientOrderId"/> is resting or a remembered final order.</summary>
    public bool IsKnown(long clientOrderId) => _ids.TryGet(clientOrderId, out _);

    /// <summary>The slot of resting order <paramref name="clientOrderId"/>; false if it is not resting (final or unknown).</summary>
    public bool TryFindResting(long clientOrderId, out int slot) =>
        _ids.TryGet(clientOrderId, out slot) && slot < _orders.Length;

    /// <summary>Takes a slot for a new resting order at the tail of its instrument's list; the caller checked <see cref="IsFull"/> and <see cref="IsKnown"/>.</summary>
    public ref PaperOrder Add(long clientOrderId, int instrumentId, out int slot)
    {
        slot = _freeHead;
        ref var order = ref _orders[slot];
        _freeHead = order.Next;
        Count++;
        order = default;
        order.ClientOrderId = clientOrderId;
        order.InstrumentId = instrumentId;
        order.Next = -1;
        order.Previous = _tails[instrumentId];
        if (order.Previous >= 0)
        {
            _orders[order.Previous].Next = slot;
        }
        else
        {
            _heads[instrumentId] = slot;
        }
        _tails[instrumentId] = slot;
        _ids.TryAdd(clientOrderId, slot);
        return ref order;
    }

    /// <summary>Removes the resting order at <paramref name="slot"/> (it became final) and remembers its id.</summary>
    public void Close(int slot)
    {
        ref var order = ref _orders[slot];
        if (order.Previous >= 0)
        {
            _orders[order.Previous].Next = order.Next;
        }
        else
        {
            _heads[order.InstrumentId] = order.Next;
        }
        if (order.Next >= 0)
        {
            _orders[order.Next].Previous = order.Previous;
        }
        else
        {
            _tails[order.InstrumentId] = order.Previous;
        }
        long id = order.ClientOrderId;
        _ids.Remove(id);
        order.Next = _freeHead;
        _freeHead = slot;
        Count--;
        RememberFinal(id);
    }

    /// <summary>Remembers <paramref name="clientOrderId"/> as final (an order that never rested); the caller checked <see cref="IsKnown"/>.</summary>
    public void RememberFinal(long clientOrderId)
    {
        if (_finalCount == _finalIds.Length)
        {
            _ids.Remove(_finalIds[_finalNext]);
        }
        else
        {
            _finalCount++;
        }
        _finalIds[_finalNext] = clientOrderId;
        _ids.TryAdd(clientOrderId, _orders.Length + _finalNext);
        _finalNext = _finalNext + 1 == _finalIds.Length ? 0 : _finalNext + 1;
    }
}
