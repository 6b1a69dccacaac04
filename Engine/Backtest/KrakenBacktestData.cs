using Feeds.Instruments;
using Feeds.Kraken;

namespace Engine.Backtest;

/// <summary>
/// Loads a recorded Kraken WebSocket v1 book session for a backtest: the pairs named by
/// <c>--symbols</c>, or else every pair whose prices positions can value (at most 8 decimals; the
/// others are left out and named on stderr), ids 0..n-1 in that order (the file's), each at the
/// price decimals of its first snapshot. Events carry Kraken's own entry times.
/// </summary>
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
        }
        else
        {
            chosen = [];
            for (int id = 0; id < table.Count; id++)
            {
                if (InstrumentSelection.IsTradable(table[id]))
                {
                    chosen.Add(id);
                }
                else
                {
                    problems.Add($"{table[id].Symbol} left out: its prices have {table[id].PriceDecimals} decimals, risk and positions take at most {Positions.PositionTable.MaxPriceDecimals}");
                }
            }
            if (chosen.Count > books)
            {
                throw new BacktestException($"the file has {chosen.Count} pairs but book.instruments is {books}; choose some with --symbols");
            }
        }
        var (instruments, events) = InstrumentSelection.Apply(table, collector.Events, chosen);
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
}
