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
    /// <remarks>
    /// Two passes over the file, so that only the chosen stocks' events are ever held (a full day's
    /// file has hundreds of millions): the first builds the instrument table and counts each stock's
    /// events, the second, on the same table (the same ids), keeps the chosen ones.
    /// </remarks>
    public static BacktestData Load(string path, IReadOnlyList<string>? symbols, int books)
    {
        var table = new InstrumentTable(InstrumentCapacity);
        var activity = new ActivityCount(InstrumentCapacity);
        Read(path, table, activity);
        var chosen = symbols is null ? MostActive(table, activity.Events, Math.Min(DefaultSymbols, books)) : InstrumentSelection.Named(table, symbols, books);
        var selected = new SelectedEvents(table, chosen, quantityDecimals: 0);
        var (decoder, reader) = Read(path, table, selected);
        long malformed = decoder.Counters.Malformed + reader.MalformedFrames;
        var problems = new List<string>();
        if (malformed > 0)
        {
            problems.Add($"{decoder.Counters.Malformed} messages rejected, {reader.ResyncBytes} bytes skipped to resynchronise, {reader.TruncatedBytes} bytes truncated at the end");
        }
        return new BacktestData(selected.Instruments, [.. selected.Events], malformed, problems);
    }

    /// <summary>Decodes the whole file into <paramref name="sink"/>, its stocks into <paramref name="table"/>.</summary>
    private static (ItchDecoder Decoder, ItchBinaryFileReader Reader) Read(string path, InstrumentTable table, IMarketDataSink sink)
    {
        var decoder = new ItchDecoder(table, sink);
        var reader = new ItchBinaryFileReader(decoder);
        reader.ReadFileAsync(path, CancellationToken.None).GetAwaiter().GetResult();
        return (decoder, reader);
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

    /// <summary>Counts each instrument's events and keeps none.</summary>
    private sealed class ActivityCount(int instruments) : IMarketDataSink
    {
        public long[] Events { get; } = new long[instruments];

        public void Publish(in MarketDataEvent marketEvent)
        {
            if ((uint)marketEvent.InstrumentId < (uint)Events.Length)
            {
                Events[marketEvent.InstrumentId]++;
            }
        }
    }
}
