using Feeds;
using Feeds.Instruments;
using Feeds.Itch;

namespace Engine.Backtest;

/// <summary>
/// Loads an ITCH 5.0 BinaryFILE for a backtest: the stocks named by <c>--symbols</c>, or else the most
/// active ones (most events; ties by symbol) up to <see cref="DefaultSymbols"/> and the books there
/// are, get the ids 0..n-1 in that order; the other stocks' events are left out. Feed-wide events
/// (instrument -1) stay. Prices have ITCH's 4 decimals.
/// </summary>
public static class ItchBacktestData
{
    /// <summary>How many of the most active stocks a backtest takes when no symbols are given.</summary>
    public const int DefaultSymbols = 4;

    private const int InstrumentCapacity = ushort.MaxValue + 1;

    /// <summary>Reads <paramref name="path"/>; <paramref name="symbols"/> (null: the most active) must fit <paramref name="books"/>.</summary>
    public static BacktestData Load(string path, IReadOnlyList<string>? symbols, int books)
    {
        var table = new InstrumentTable(InstrumentCapacity);
        var collector = new EventCollector();
        var decoder = new ItchDecoder(table, collector);
        var reader = new ItchBinaryFileReader(decoder);
        reader.ReadFileAsync(path, CancellationToken.None).GetAwaiter().GetResult();

        var activity = new long[table.Count];
        foreach (var e in collector.Events)
        {
            if ((uint)e.InstrumentId < (uint)activity.Length)
            {
                activity[e.InstrumentId]++;
            }
        }
        var chosen = symbols is null ? MostActive(table, activity, Math.Min(DefaultSymbols, books)) : InstrumentSelection.Named(table, symbols, books);
        var (instruments, events) = InstrumentSelection.Apply(table, collector.Events, chosen);
        long malformed = decoder.Counters.Malformed + reader.MalformedFrames;
        var problems = new List<string>();
        if (malformed > 0)
        {
            problems.Add($"{decoder.Counters.Malformed} messages rejected, {reader.ResyncBytes} bytes skipped to resynchronise, {reader.TruncatedBytes} bytes truncated at the end");
        }
        return new BacktestData(instruments, events, malformed, problems);
    }

    private static List<int> MostActive(InstrumentTable table, long[] activity, int count)
    {
        var ids = new List<int>(table.Count);
        for (int id = 0; id < table.Count; id++)
        {
            if (activity[id] > 0 && InstrumentSelection.IsTradable(table[id]))
            {
                ids.Add(id);
            }
        }
        ids.Sort((a, b) => activity[a] != activity[b] ? activity[b].CompareTo(activity[a]) : string.CompareOrdinal(table[a].Symbol, table[b].Symbol));
        return ids.GetRange(0, Math.Min(count, ids.Count));
    }
}
