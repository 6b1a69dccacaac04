namespace Engine.Book;

/// <summary>A fixed array of <see cref="RestingOrder"/> slots with a free list; it never grows.</summary>
/// <remarks>Owned by one book on the loop thread; <see cref="TryRent"/> and <see cref="Return"/> are O(1) and allocate nothing.</remarks>
internal sealed class OrderPool
{
    private readonly RestingOrder[] _slots;
    private int _freeHead;

    public OrderPool(int capacity)
    {
        _slots = new RestingOrder[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _slots[i].Next = i + 1 < capacity ? i + 1 : -1;
        }
        _freeHead = capacity > 0 ? 0 : -1;
    }

    /// <summary>Slots in use.</summary>
    public int Count { get; private set; }

    /// <summary>Slots in all.</summary>
    public int Capacity => _slots.Length;

    /// <summary>The slot at <paramref name="index"/>, by reference.</summary>
    public ref RestingOrder this[int index] => ref _slots[index];

    /// <summary>Takes a free slot; false when the pool is full.</summary>
    public bool TryRent(out int index)
    {
        index = _freeHead;
        if (index < 0)
        {
            return false;
        }
        _freeHead = _slots[index].Next;
        Count++;
        return true;
    }

    /// <summary>Gives a slot back.</summary>
    public void Return(int index)
    {
        _slots[index].Next = _freeHead;
        _freeHead = index;
        Count--;
    }
}
