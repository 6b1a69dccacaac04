using System.Diagnostics;

namespace Feeds.Kraken;

/// <summary>
/// One side of a <see cref="KrakenBook"/>: price levels sorted from worst to best in a pre-sized
/// array, with free room at both ends.
/// </summary>
/// <remarks>
/// Levels live in <c>[_start, _start + _count)</c>, the best at the end. Updates cluster near the
/// best price and depth truncation drops the worst, so an insert or removal moves whichever part of
/// the array is shorter, into the free room on that side; when that room runs out the window is
/// recentred once (amortised over the operations that used the room). The array never grows: its
/// capacity is the deepest book plus the most levels one message may insert, and the decoder
/// truncates after every message. Owned by the decoding thread.
/// </remarks>
public sealed class KrakenBookSide
{
    private readonly KrakenLevel[] _levels;
    private readonly bool _isBid;
    private int _start;
    private int _count;

    internal KrakenBookSide(bool isBid, int capacity)
    {
        _isBid = isBid;
        _levels = new KrakenLevel[capacity];
        _start = capacity / 2;
    }

    /// <summary>
    /// Set when a change reached the levels the checksum covers (the best <see cref="KrakenBook.ChecksumLevels"/>);
    /// the book clears it when it recomputes the checksum.
    /// </summary>
    internal bool TopChanged { get; set; } = true;

    /// <summary>Number of levels.</summary>
    public int Count => _count;

    /// <summary>Bid side (best = highest price) or ask side (best = lowest).</summary>
    public Side Side => _isBid ? Side.Buy : Side.Sell;

    /// <summary>The level <paramref name="rank"/> places behind the best (0 = best).</summary>
    public ref readonly KrakenLevel this[int rank]
    {
        get
        {
            if ((uint)rank >= (uint)_count)
            {
                ThrowRankOutOfRange(rank);
            }
            return ref _levels[_start + _count - 1 - rank];
        }
    }

    /// <summary>Removes every level.</summary>
    internal void Clear()
    {
        _count = 0;
        _start = _levels.Length / 2;
        TopChanged = true;
    }

    /// <summary>Sets the level at <paramref name="level"/>'s price, inserting it if new. The side must not be full.</summary>
    internal void Set(in KrakenLevel level)
    {
        int index = Find(level.PriceTicks);
        if (index >= 0)
        {
            _levels[index] = level;
            NoteChangeAtRank(_start + _count - 1 - index);
            return;
        }
        NoteChangeAtRank(_start + _count - ~index); // the levels at ~index and after are better
        Insert(~index, level);
    }

    /// <summary>Removes the level at <paramref name="priceTicks"/>; false if there is none.</summary>
    internal bool Remove(long priceTicks)
    {
        int index = Find(priceTicks);
        if (index < 0)
        {
            return false;
        }
        NoteChangeAtRank(_start + _count - 1 - index);
        int head = index - _start;
        int tail = _start + _count - 1 - index;
        if (head < tail)
        {
            _levels.AsSpan(_start, head).CopyTo(_levels.AsSpan(_start + 1));
            _start++;
        }
        else
        {
            _levels.AsSpan(index + 1, tail).CopyTo(_levels.AsSpan(index));
        }
        _count--;
        return true;
    }

    /// <summary>Removes the worst level into <paramref name="worst"/> if more than <paramref name="depth"/> are left.</summary>
    internal bool TryTruncateOne(int depth, out KrakenLevel worst)
    {
        if (_count <= depth)
        {
            worst = default;
            return false;
        }
        worst = _levels[_start];
        NoteChangeAtRank(_count - 1);
        _start++;
        _count--;
        return true;
    }

    /// <summary>Debug check: prices strictly ordered from worst to best, volumes positive.</summary>
    [Conditional("DEBUG")]
    internal void AssertInvariants()
    {
        for (int i = 0; i < _count; i++)
        {
            ref readonly KrakenLevel level = ref _levels[_start + i];
            Debug.Assert(level.Quantity > 0, "a level has a positive volume");
            Debug.Assert(i == 0 || Key(_levels[_start + i - 1].PriceTicks) < Key(level.PriceTicks), "levels are sorted worst to best");
        }
    }

    private void NoteChangeAtRank(int rank) => TopChanged |= rank < KrakenBook.ChecksumLevels;

    /// <summary>Sort key: ascending from worst to best on both sides.</summary>
    private long Key(long priceTicks) => _isBid ? priceTicks : -priceTicks;

    /// <summary>Index of the level at the price, or the complement of where it would be inserted.</summary>
    private int Find(long priceTicks)
    {
        long key = Key(priceTicks);
        int low = _start;
        int high = _start + _count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            long middleKey = Key(_levels[middle].PriceTicks);
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

    private void Insert(int index, in KrakenLevel level)
    {
        Debug.Assert(_count < _levels.Length, "the decoder never inserts into a full side");
        bool moveHead = index - _start < _start + _count - index;
        if (moveHead ? _start == 0 : _start + _count == _levels.Length)
        {
            index = Recentre(index);
        }
        if (moveHead ? _start > 0 : _start + _count == _levels.Length)
        {
            _levels.AsSpan(_start, index - _start).CopyTo(_levels.AsSpan(_start - 1));
            _start--;
            index--;
        }
        else
        {
            _levels.AsSpan(index, _start + _count - index).CopyTo(_levels.AsSpan(index + 1));
        }
        _levels[index] = level;
        _count++;
    }

    /// <summary>Moves the levels to the middle of the array; returns where <paramref name="index"/> went.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int Recentre(int index)
    {
        int start = (_levels.Length - _count) / 2;
        _levels.AsSpan(_start, _count).CopyTo(_levels.AsSpan(start));
        index += start - _start;
        _start = start;
        return index;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowRankOutOfRange(int rank) =>
        throw new ArgumentOutOfRangeException(nameof(rank), rank, "no level at this rank");
}
