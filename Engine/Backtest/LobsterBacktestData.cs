using Feeds;
using Feeds.Lobster;

namespace Engine.Backtest;

/// <summary>
/// Loads a LOBSTER file pair for a backtest, as one instrument (id 0, 4 price decimals: LOBSTER prices
/// are dollars x 10000).
/// </summary>
/// <remarks>
/// With the message file alone, the events are the messages, order by order (orders resting before
/// the file starts are unknown to the book, as in the replay). With the orderbook file too, the book
/// is the file's own: each message becomes the level changes between the previous row and its row
/// (<see cref="MarketDataKind.LevelSet"/>, the first row seeding the book), followed by a
/// <see cref="MarketDataKind.Trade"/> for a visible or hidden execution. Every event carries the
/// message's time (nanoseconds after midnight of the file's day) and its row number as <c>Sequence</c>.
/// </remarks>
public static class LobsterBacktestData
{
    /// <summary>LOBSTER's price decimals.</summary>
    public const int PriceDecimals = 4;

    private const int MaxProblems = 20;

    /// <summary>Reads <paramref name="messagesPath"/> and, if given, <paramref name="orderbookPath"/>; the symbol is the file name's first part (<c>AAPL_2012-06-21_...</c>).</summary>
    public static BacktestData Load(string messagesPath, string? orderbookPath)
    {
        ArgumentNullException.ThrowIfNull(messagesPath);
        string symbol = Path.GetFileName(messagesPath).Split('_')[0];
        var instruments = new[] { new BacktestInstrument(0, symbol.Length > 0 ? symbol : "LOBSTER", PriceDecimals) };
        using var messageText = new StreamReader(messagesPath);
        var messages = new LobsterMessageReader(messageText, Path.GetFileName(messagesPath), instrumentId: 0);
        var events = new List<MarketDataEvent>();
        var problems = new List<string>();
        long malformed;
        if (orderbookPath is null)
        {
            var message = default(MarketDataEvent);
            while (messages.TryRead(ref message, out var reason))
            {
                if (reason == LobsterLineReason.Ok)
                {
                    events.Add(message);
                }
            }
            malformed = messages.MalformedCount;
        }
        else
        {
            malformed = ReadWithOrderbook(messages, orderbookPath, events, problems);
        }
        foreach (var problem in messages.Problems)
        {
            if (problems.Count < MaxProblems)
            {
                problems.Add($"malformed line {problem}");
            }
        }
        return new BacktestData(instruments, [.. events], malformed, problems);
    }

    private static long ReadWithOrderbook(LobsterMessageReader messages, string orderbookPath, List<MarketDataEvent> events, List<string> problems)
    {
        if (!Replay.LobsterReplay.TryInferLevels(orderbookPath, out int levels))
        {
            throw new BacktestException($"cannot tell the levels from the first row of {orderbookPath}");
        }
        using var orderbookText = new StreamReader(orderbookPath);
        var orderbook = new LobsterOrderbookReader(orderbookText, Path.GetFileName(orderbookPath), levels);
        int width = levels * LobsterOrderbookReader.FieldsPerLevel;
        var previous = new long[width];
        var row = new long[width];
        bool havePrevious = false;
        long unpaired = 0;
        var message = default(MarketDataEvent);
        while (messages.TryRead(ref message, out var messageReason))
        {
            if (!orderbook.TryRead(row, out var rowReason))
            {
                unpaired++;
                continue;
            }
            if (messageReason != LobsterLineReason.Ok || rowReason != LobsterLineReason.Ok)
            {
                continue;
            }
            int before = events.Count;
            AddLevelChanges(events, havePrevious ? previous : [], row, levels, message.TsEventNs, message.Sequence);
            if (message.Kind is MarketDataKind.Execute or MarketDataKind.Trade)
            {
                // An execution hits the resting order's side: the aggressor is the other one (the reader already flipped hidden ones).
                var aggressor = message.Kind == MarketDataKind.Execute ? (message.Side == Side.Buy ? Side.Sell : Side.Buy) : message.Side;
                events.Add(new MarketDataEvent { Kind = MarketDataKind.Trade, TsEventNs = message.TsEventNs, InstrumentId = 0, Side = aggressor, PriceTicks = message.PriceTicks, Quantity = message.Quantity, Sequence = message.Sequence });
            }
            else if (message.Kind == MarketDataKind.TradingStatus)
            {
                events.Add(message);
            }
            MarkEndOfMessage(events, before);
            havePrevious = true;
            (previous, row) = (row, previous);
        }
        while (orderbook.TryRead(row, out _))
        {
            unpaired++;
        }
        foreach (var problem in orderbook.Problems)
        {
            if (problems.Count < MaxProblems)
            {
                problems.Add($"malformed line {problem}");
            }
        }
        if (unpaired > 0)
        {
            problems.Add($"{unpaired} rows without a partner in the other file");
        }
        return messages.MalformedCount + orderbook.MalformedCount + unpaired;
    }

    /// <summary>Adds a <see cref="MarketDataKind.LevelSet"/> for every level of <paramref name="row"/> that differs from <paramref name="previous"/> (empty: no book yet), removals first.</summary>
    private static void AddLevelChanges(List<MarketDataEvent> events, ReadOnlySpan<long> previous, ReadOnlySpan<long> row, int levels, long tsNs, long sequence)
    {
        foreach (var side in (ReadOnlySpan<Side>)[Side.Sell, Side.Buy])
        {
            int offset = side == Side.Sell ? 0 : 2;
            for (int level = 0; previous.Length > 0 && level < levels; level++)
            {
                long price = previous[(level * LobsterOrderbookReader.FieldsPerLevel) + offset];
                long size = previous[(level * LobsterOrderbookReader.FieldsPerLevel) + offset + 1];
                if (!LobsterOrderbookReader.IsEmptyLevel(price, size) && SizeAt(row, levels, offset, price) == 0)
                {
                    events.Add(LevelSet(side, price, 0, tsNs, sequence));
                }
            }
            for (int level = 0; level < levels; level++)
            {
                long price = row[(level * LobsterOrderbookReader.FieldsPerLevel) + offset];
                long size = row[(level * LobsterOrderbookReader.FieldsPerLevel) + offset + 1];
                if (!LobsterOrderbookReader.IsEmptyLevel(price, size) && (previous.Length == 0 || SizeAt(previous, levels, offset, price) != size))
                {
                    events.Add(LevelSet(side, price, size, tsNs, sequence));
                }
            }
        }
    }

    private static long SizeAt(ReadOnlySpan<long> row, int levels, int offset, long price)
    {
        for (int level = 0; level < levels; level++)
        {
            long p = row[(level * LobsterOrderbookReader.FieldsPerLevel) + offset];
            long size = row[(level * LobsterOrderbookReader.FieldsPerLevel) + offset + 1];
            if (p == price && !LobsterOrderbookReader.IsEmptyLevel(p, size))
            {
                return size;
            }
        }
        return 0;
    }

    private static MarketDataEvent LevelSet(Side side, long price, long size, long tsNs, long sequence) =>
        new() { Kind = MarketDataKind.LevelSet, TsEventNs = tsNs, InstrumentId = 0, Side = side, PriceTicks = price, Quantity = size, Sequence = sequence };

    private static void MarkEndOfMessage(List<MarketDataEvent> events, int first)
    {
        for (int i = first; i < events.Count; i++)
        {
            var e = events[i];
            e.EndOfMessage = i == events.Count - 1;
            events[i] = e;
        }
    }
}
