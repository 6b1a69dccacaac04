using Feeds.Instruments;
using Feeds.Kraken;

namespace Engine.Backtest;

/// <summary>
/// Loads a recorded Kraken WebSocket v1 book session for a backtest: the pairs named by
/// <c>--symbols</c>, or else every pair whose prices positions can value (at most 8 decimals) and
/// that quotes in the currency most of those quote in (ties: the first in the file); the others are
/// left out and named on stderr. Ids 0..n-1 in that order (the file's), each at the price decimals of
/// its first snapshot. Events carry Kraken's own entry times.
/// </summary>
/// <remarks>
/// A backtest adds up P&amp;L, fees and notional over its instruments, so they must be in one
/// currency: pairs quoted in several (<c>XBT/CHF</c> and <c>OMG/USD</c>) are refused, not converted.
/// </remarks>
public static class KrakenBacktestData
{
    private const int MaxPairs = 1024;

    /// <summary>Reads <paramref name="path"/>; the pairs traded (<paramref name="symbols"/>, null: all that can be) must fit <paramref name="books"/>.</summary>
    public static BacktestData Load(string path, IReadOnlyList<string>? symbols, int books)
    {
        var table = new InstrumentTable(MaxPairs);
        var collector = new EventCollector();
        var decoder = new KrakenBookDecoder(table, collector);
        var replayer = new KrakenSessionReplayer(decoder);
        using (var input = File.OpenRead(path))
        {
            replayer.Run(input, observer: null);
        }
        var problems = new List<string>();
        List<int> chosen;
        if (symbols is not null)
        {
            chosen = InstrumentSelection.Named(table, symbols, books);
            RequireOneQuoteCurrency(table, chosen);
        }
        else
        {
            var tradable = new List<int>();
            for (int id = 0; id < table.Count; id++)
            {
                if (InstrumentSelection.IsTradable(table[id]))
                {
                    tradable.Add(id);
                }
                else
                {
                    problems.Add($"{table[id].Symbol} left out: its prices have {table[id].PriceDecimals} decimals, risk and positions take at most {Positions.PositionTable.MaxPriceDecimals}");
                }
            }
            chosen = InTheMostCommonQuoteCurrency(table, tradable, problems);
            if (chosen.Count > books)
            {
                throw new BacktestException($"the file has {chosen.Count} pairs but book.instruments is {books}; choose some with --symbols");
            }
        }
        var (instruments, events) = InstrumentSelection.Apply(table, collector.Events, chosen, KrakenBook.VolumeDecimals);
        long malformed = decoder.Counters.Malformed + replayer.MalformedLines + replayer.OversizedLines;
        if (malformed > 0)
        {
            problems.Add($"{replayer.MalformedLines} malformed lines, {replayer.OversizedLines} oversized lines, {decoder.Counters.Malformed} malformed messages");
        }
        if (decoder.Counters.ChecksumsFailed > 0)
        {
            problems.Add($"{decoder.Counters.ChecksumsFailed} book checksums failed");
        }
        return new BacktestData(instruments, events, malformed, problems);
    }

    /// <summary>The currency a pair's prices are in: what follows the slash (<c>XBT/CHF</c>: CHF).</summary>
    internal static string QuoteCurrency(string pair) => pair[(pair.LastIndexOf('/') + 1)..];

    private static void RequireOneQuoteCurrency(InstrumentTable table, List<int> chosen)
    {
        var currencies = chosen.GroupBy(id => QuoteCurrency(table[id].Symbol)).ToList();
        if (currencies.Count > 1)
        {
            string named = string.Join(", ", currencies.Select(g => $"{g.Key} ({string.Join(", ", g.Select(id => table[id].Symbol))})"));
            throw new BacktestException($"--symbols: the pairs quote in {named}; a backtest adds up P&L in one currency, so choose pairs of one quote currency");
        }
    }

    private static List<int> InTheMostCommonQuoteCurrency(InstrumentTable table, List<int> tradable, List<string> problems)
    {
        if (tradable.Count == 0)
        {
            return tradable;
        }
        // GroupBy keeps first-seen order and MaxBy the first of equals: ties go to the file's first.
        string currency = tradable.GroupBy(id => QuoteCurrency(table[id].Symbol)).MaxBy(g => g.Count())!.Key;
        var chosen = new List<int>();
        foreach (int id in tradable)
        {
            string quote = QuoteCurrency(table[id].Symbol);
            if (quote == currency)
            {
                chosen.Add(id);
            }
            else
            {
                problems.Add($"{table[id].Symbol} left out: quoted in {quote}, and the backtest trades the pairs quoted in {currency} (P&L adds up in one currency; --symbols chooses)");
            }
        }
        return chosen;
    }
}
