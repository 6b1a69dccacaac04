using Engine.Memory;

namespace Engine.Venues.Paper;

/// <summary>A first-in, first-out queue of structs in a fixed array: the paper venue's held commands and reports.</summary>
/// <remarks>One thread (the loop's). Never grows: the caller checks <see cref="IsFull"/> before <see cref="Enqueue"/>. Allocates nothing after construction.</remarks>
internal sealed class FifoQueue<T>
    where T : struct
{
    private readonly T[] _items;
    private int _head;

    public FifoQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = Prefaulted.Array<T>(capacity);
    }

    /// <summary>Items queued.</summary>
    public int Count { get; private set; }

    /// <summary>True when no item fits.</summary>
    public bool IsFull => Count == _items.Length;

    /// <summary>The oldest item, by reference; the caller checked <see cref="Count"/>.</summary>
    public ref T Peek() => ref _items[_head];

    /// <summary>Appends a copy of <paramref name="item"/>; the caller checked <see cref="IsFull"/>.</summary>
    public void Enqueue(in T item)
    {
        int tail = _head + Count;
        if (tail >= _items.Length)
        {
            tail -= _items.Length;
        }
        _items[tail] = item;
        Count++;
    }

    /// <summary>Drops the oldest item; the caller checked <see cref="Count"/>.</summary>
    public void Dequeue()
    {
        _head = _head + 1 == _items.Length ? 0 : _head + 1;
        Count--;
    }
}
