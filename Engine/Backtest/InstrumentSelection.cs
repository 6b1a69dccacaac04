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
    public static (BacktestInstrument[] Instruments, MarketDataEvent[] Events) Apply(InstrumentTable table, List<MarketDataEvent> events, List<int> chosen, int quantityDecimals)
    {
        var selected = new SelectedEvents(table, chosen, quantityDecimals);
        foreach (var e in events)
        {
            selected.Publish(in e);
        }
        return (selected.Instruments, [.. selected.Events]);
    }
}

/// <summary>
/// A market-data sink that keeps only the chosen instruments' events, renumbered 0..n-1 in the order
/// chosen, and the feed-wide ones (instrument -1): a decoder can publish a whole file into it and only
/// what the backtest runs is held.
/// </summary>
internal sealed class SelectedEvents : IMarketDataSink
{
    private readonly int[] _newIds;

    /// <summary>Keeps <paramref name="chosen"/> (ids of <paramref name="table"/>, which must hold them already), whose quantities have <paramref name="quantityDecimals"/> decimals.</summary>
    public SelectedEvents(InstrumentTable table, List<int> chosen, int quantityDecimals)
    {
        _newIds = new int[table.Count];
        Array.Fill(_newIds, -1);
        Instruments = new BacktestInstrument[chosen.Count];
        for (int i = 0; i < chosen.Count; i++)
        {
            _newIds[chosen[i]] = i;
            var instrument = table[chosen[i]];
            Instruments[i] = new BacktestInstrument(i, instrument.Symbol, instrument.PriceDecimals, quantityDecimals);
        }
    }

    /// <summary>The chosen instruments with their new ids.</summary>
    public BacktestInstrument[] Instruments { get; }

    /// <summary>The events kept, in order.</summary>
    public List<MarketDataEvent> Events { get; } = [];

    /// <inheritdoc />
    public void Publish(in MarketDataEvent marketEvent)
    {
        int id = marketEvent.InstrumentId;
        if (id < 0)
        {
            Events.Add(marketEvent);
        }
        else if (id < _newIds.Length && _newIds[id] >= 0)
        {
            var kept = marketEvent;
            kept.InstrumentId = _newIds[id];
            Events.Add(kept);
        }
    }
}
