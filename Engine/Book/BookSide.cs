using Engine.Memory;
using Feeds;

namespace Engine.Book;

/// <summary>
/// The price levels of one side, in a fixed array sorted from the worst price to the best, so the
/// busiest end (the top of book) sits at the end of the array where inserts and removals shift
/// nothing or little.
/// </summary>
/// <remarks>Owned by one book on the loop thread. Lookups are a binary search; allocates nothing after construction.</remarks>
internal sealed class BookSide
{
    private readonly PriceLevel[] _levels;
    private readonly bool _isBid;

    public BookSide(Side side, int maxLevels)
    {
        _isBid = side == Side.Buy;
        _levels = Prefaulted.Array<PriceLevel>(maxLevels);
    }

    /// <summary>Levels in use.</summary>
    public int Count { get; private set; }

    /// <summary>True when no new level fits.</summary>
    public bool IsFull => Count == _levels.Length;

    /// <summary>The level at array position <paramref name="index"/> (0 = worst).</summary>
    public ref PriceLevel At(int index) => ref _levels[index];

    /// <summary>The level <paramref name="depth"/> places from the best (0 = best).</summary>
    public ref PriceLevel FromBest(int depth) => ref _levels[Count - 1 - depth];

    /// <summary>True when <paramref name="priceTicks"/> is strictly better than <paramref name="thanPriceTicks"/> on this side.</summary>
    public bool IsBetter(long priceTicks, long thanPriceTicks) => _isBid ? priceTicks > thanPriceTicks : priceTicks < thanPriceTicks;

    /// <summary>Array position of the level at <paramref name="priceTicks"/>, or the bitwise complement of where it would go.</summary>
    public int IndexOf(long priceTicks)
    {
        // Keys ascend through the array: bid prices as they are, ask prices negated.
        long key = _isBid ? priceTicks : -priceTicks;
        int low = 0;
        int high = Count - 1;
        while (low <= high)
        {
            int middle = (int)((uint)(low + high) >> 1);
            long middleKey = _isBid ? _levels[middle].PriceTicks : -_levels[middle].PriceTicks;
            if (middleKey == key)
            {
                return middle;
            }
            if (middleKey < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return ~low;
    }

    /// <summary>Opens an empty level at array position <paramref name="index"/> (from <see cref="IndexOf"/>); the caller checked <see cref="IsFull"/>.</summary>
    public ref PriceLevel InsertAt(int index, long priceTicks)
    {
        if (index < Count)
        {
            Array.Copy(_levels, index, _levels, index + 1, Count - index);
        }
        Count++;
        ref var level = ref _levels[index];
        level = new PriceLevel { PriceTicks = priceTicks, Head = -1, Tail = -1 };
        return ref level;
    }

    /// <summary>Removes the level at array position <paramref name="index"/>.</summary>
    public void RemoveAt(int index)
    {
        Count--;
        if (index < Count)
        {
            Array.Copy(_levels, index + 1, _levels, index, Count - index);
        }
    }

    /// <summary>Removes every level (the caller has released their orders).</summary>
    public void Clear() => Count = 0;
}
