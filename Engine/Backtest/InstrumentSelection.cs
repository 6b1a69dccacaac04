using Engine.Positions;
using Feeds;
using Feeds.Instruments;

namespace Engine.Backtest;

/// <summary>Chooses which of a file's instruments a backtest trades and gives them the engine's ids 0..n-1 (ITCH and Kraken data, whose files name many).</summary>
internal static class InstrumentSelection
{
    /// <summary>The ids of <paramref name="symbols"/> in <paramref name="table"/>, in that order; throws when one is missing, they do not fit <paramref name="books"/>, or one's prices have more decimals than positions can value.</summary>
    public static List<int> Named(InstrumentTable table, IReadOnlyList<string> symbols, int books)
    {
        if (symbols.Count > books)
        {
            throw new BacktestException($"--symbols names {symbols.Count} instruments but book.instruments is {books}");
        }
        var ids = new List<int>(symbols.Count);
        foreach (string symbol in symbols)
        {
            if (!table.TryGetId(symbol, out int id))
            {
                throw new BacktestException($"--symbols: {symbol} is not in the file");
            }
            if (table[id].PriceDecimals > PositionTable.MaxPriceDecimals)
            {
                throw new BacktestException($"--symbols: {symbol}'s prices have {table[id].PriceDecimals} decimals; risk and positions take at most {PositionTable.MaxPriceDecimals}");
            }
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }
        return ids;
    }

    /// <summary>Whether positions can value <paramref name="instrument"/>'s prices (at most <see cref="PositionTable.MaxPriceDecimals"/> decimals).</summary>
    public static bool IsTradable(Instrument instrument) => instrument.PriceDecimals <= PositionTable.MaxPriceDecimals;

    /// <summary>The chosen instruments with their new ids, and the events of those (renumbered) and the feed-wide ones (instrument -1), in order.</summary>
    public static (BacktestInstrument[] Instruments, MarketDataEvent[] Events) Apply(InstrumentTable table, List<MarketDataEvent> events, List<int> chosen)
    {
        var map = new int[table.Count];
        Array.Fill(map, -1);
        var instruments = new BacktestInstrument[chosen.Count];
        for (int i = 0; i < chosen.Count; i++)
        {
            map[chosen[i]] = i;
            var instrument = table[chosen[i]];
            instruments[i] = new BacktestInstrument(i, instrument.Symbol, instrument.PriceDecimals);
        }
        var kept = new List<MarketDataEvent>(events.Count);
        foreach (var e in events)
        {
            if (e.InstrumentId < 0)
            {
                kept.Add(e);
            }
            else if (e.InstrumentId < map.Length && map[e.InstrumentId] >= 0)
            {
                var mapped = e;
                mapped.InstrumentId = map[e.InstrumentId];
                kept.Add(mapped);
            }
        }
        return (instruments, [.. kept]);
    }
}
