using Engine.Book;
using Engine.Memory;
using Engine.Ring;

namespace Engine.Orders;

/// <summary>
/// Every order the router knows, by client order id, in a pool sized at start-up: open orders and
/// the most recent final ones (kept until their slot is needed, so a late report still finds them).
/// </summary>
/// <remarks>
/// Loop thread only; nothing allocates after construction. A slot is reused oldest-final-first:
/// final orders go to the back of a free ring and leave it only when a new order needs a slot, so
/// with the pool twice the open-order limit a final order stays findable for at least that many
/// later orders.
/// </remarks>
public sealed class OrderTable
{
    private readonly Order[] _orders;
    private readonly OrderIndex _index;
    private readonly int[] _free; // ring of free slot numbers, oldest-freed first
    private int _freeHead;
    private int _freeCount;
    private long _highestId; // no id above it has ever been added, so none is in the index

    /// <summary>A table of <paramref name="capacity"/> orders.</summary>
    public OrderTable(int capacity)
    {
        if (capacity < 1)
        {
            ThrowHelper.ThrowArgument(nameof(capacity), $"capacity {capacity} must be at least 1");
        }
        _orders = Prefaulted.Array<Order>(capacity);
        _index = new OrderIndex(capacity);
        _free = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _free[i] = i;
        }
        _freeCount = capacity;
    }

    /// <summary>Most orders held.</summary>
    public int Capacity => _orders.Length;

    /// <summary>Orders not final.</summary>
    public int OpenCount { get; private set; }

    /// <summary>
    /// Adds a new order with <paramref name="clientOrderId"/> and returns its slot, reusing the
    /// oldest final order's slot; -1 when every slot holds an open order or the id is taken.
    /// </summary>
    public int Add(long clientOrderId)
    {
        if (!CanAdd(clientOrderId))
        {
            return -1;
        }
        int slot = _free[_freeHead];
        _freeHead = (_freeHead + 1) % _free.Length;
        _freeCount--;
        ref var old = ref _orders[slot];
        if (old.ClientOrderId != 0)
        {
            _index.Remove(old.ClientOrderId);
        }
        old = new Order { ClientOrderId = clientOrderId, Status = OrderStatus.PendingNew };
        _index.TryAdd(clientOrderId, slot);
        _highestId = Math.Max(_highestId, clientOrderId);
        OpenCount++;
        return slot;
    }

    /// <summary>Whether <see cref="Add"/> would take <paramref name="clientOrderId"/>: a slot is free and the id is not taken.</summary>
    /// <remarks>Ids come from one increasing sequence (<see cref="ClientOrderIds"/>), so a new order's id is
    /// usually above every id held and the index is not consulted.</remarks>
    public bool CanAdd(long clientOrderId) => _freeCount > 0 && (clientOrderId > _highestId || !_index.TryGet(clientOrderId, out _));

    /// <summary>The slot of <paramref name="clientOrderId"/>, or -1.</summary>
    public int Find(long clientOrderId) => _index.TryGet(clientOrderId, out int slot) ? slot : -1;

    /// <summary>The order in <paramref name="slot"/>.</summary>
    public ref Order this[int slot] => ref _orders[slot];

    /// <summary>Marks the order in <paramref name="slot"/> final: it stays findable until its slot is reused.</summary>
    public void Retire(int slot)
    {
        _free[(_freeHead + _freeCount) % _free.Length] = slot;
        _freeCount++;
        OpenCount--;
    }

    /// <summary>Every slot, open or not, for a walk over the open orders (skip those not <see cref="OrderTransitions.IsOpen"/>).</summary>
    public ReadOnlySpan<Order> All => _orders;
}
