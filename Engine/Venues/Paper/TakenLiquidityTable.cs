using Engine.Book;
using Engine.Memory;
using Feeds;

namespace Engine.Venues.Paper;

/// <summary>
/// Displayed size our fills have taken from price levels of the book, which still shows
/// it: two orders must not both take the same size.
/// </summary>
/// <remarks>
/// <para>Rule: what we took at a level stays taken while the level stands. A market event that
/// lowers the level's displayed size releases that much of what we took (the size that left is
/// taken to be ours, already gone); one that raises it leaves what we took as it is; a level that
/// disappears releases all of it. So new size offered at a level can be taken, and the size we
/// took never can again.</para>
/// <para>One thread (the loop's). A fixed array searched linearly: entries live only
/// while our fills outpace the market at a level, so there are few; a count per instrument lets
/// events of untouched instruments skip the search. Allocates nothing after construction.</para>
/// </remarks>
internal sealed class TakenLiquidityTable
{
    private readonly Entry[] _entries;
    private readonly int[] _countByInstrument;
    private int _count;

    public TakenLiquidityTable(int capacity, int instruments)
    {
        _entries = Prefaulted.Array<Entry>(capacity);
        _countByInstrument = new int[instruments];
    }

    /// <summary>Levels with size taken.</summary>
    public int Count => _count;

    /// <summary>Levels of <paramref name="instrumentId"/> with size taken.</summary>
    public int CountOf(int instrumentId) => _countByInstrument[instrumentId];

    /// <summary>Size taken at the level; 0 when none.</summary>
    public long TakenAt(int instrumentId, Side side, long priceTicks)
    {
        if (_countByInstrument[instrumentId] == 0)
        {
            return 0;
        }
        int index = IndexOf(instrumentId, side, priceTicks);
        return index >= 0 ? _entries[index].TakenQuantity : 0;
    }

    /// <summary>Records <paramref name="quantity"/> more taken at a level now showing <paramref name="levelQuantity"/>; false when the table is full.</summary>
    public bool TryTake(int instrumentId, Side side, long priceTicks, long quantity, long levelQuantity)
    {
        int index = _countByInstrument[instrumentId] == 0 ? -1 : IndexOf(instrumentId, side, priceTicks);
        if (index >= 0)
        {
            _entries[index].TakenQuantity += quantity;
            _entries[index].LevelQuantity = levelQuantity;
            return true;
        }
        if (_count == _entries.Length)
        {
            return false;
        }
        _entries[_count++] = new Entry
        {
            InstrumentId = instrumentId,
            Side = side,
            PriceTicks = priceTicks,
            TakenQuantity = quantity,
            LevelQuantity = levelQuantity,
        };
        _countByInstrument[instrumentId]++;
        return true;
    }

    /// <summary>After a market event of <paramref name="instrumentId"/>: releases what each of its levels lost since last seen.</summary>
    public void Refresh(int instrumentId, OrderBook book)
    {
        if (_countByInstrument[instrumentId] == 0)
        {
            return;
        }
        int index = 0;
        while (index < _count)
        {
            ref var entry = ref _entries[index];
            if (entry.InstrumentId != instrumentId)
            {
                index++;
                continue;
            }
            long now = book.QuantityAt(entry.Side, entry.PriceTicks);
            if (now < entry.LevelQuantity)
            {
                entry.TakenQuantity -= entry.LevelQuantity - now;
            }
            entry.LevelQuantity = now;
            if (entry.TakenQuantity <= 0 || now == 0)
            {
                // Swap-remove: lookups are by key, so the order of entries never shows in a result.
                _entries[index] = _entries[--_count];
                _countByInstrument[instrumentId]--;
                continue;
            }
            index++;
        }
    }

    private int IndexOf(int instrumentId, Side side, long priceTicks)
    {
        for (int i = 0; i < _count; i++)
        {
            ref var entry = ref _entries[i];
            if (entry.PriceTicks == priceTicks && entry.InstrumentId == instrumentId && entry.Side == side)
            {
                return i;
            }
        }
        return -1;
    }

    private struct Entry
    {
        public long PriceTicks;
        public long TakenQuantity;
        public long LevelQuantity;
        public int InstrumentId;
        public Side Side;
    }
}
