using System.Globalization;
using Feeds;
using Feeds.Lobster;

namespace Engine.Replay;

/// <summary>
/// <c>engine replay --format lobster --messages M --orderbook O [--levels N] [--out FILE]</c>: checks
/// the engine's book against a LOBSTER message/orderbook pair, one transition per message after the
/// first (see <see cref="LobsterTransitionChecker"/>). The last stdout line is
/// <c>{"rows":..,"checked":..,"mismatches":..}</c>: orderbook rows read, transitions compared,
/// transitions that disagree. Exit code 0 when all agree and no line was malformed, 1 otherwise,
/// 64 for bad arguments.
/// </summary>
/// <remarks>
/// The first message has no previous row to seed from, so a file of R rows gives R-1 checked
/// transitions. A malformed line is reported on stderr with its line number; the transitions that
/// need it are not checked. <c>--levels</c> defaults to the field count of the orderbook's first
/// data row over 4. <c>--out</c> writes the book's top after every checked message as CSV.
/// </remarks>
public static class LobsterReplay
{
    private const int MaxMismatchesReported = 20;

    /// <summary>Runs the replay.</summary>
    public static int Run(ReplayArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? messagesPath = arguments.ExistingFile("messages");
        string? orderbookPath = arguments.ExistingFile("orderbook");
        int levels = arguments.PositiveInt("levels", 0);
        string? outPath = arguments.Optional("out");
        if (!arguments.IsValid() || messagesPath is null || orderbookPath is null)
        {
            return ReplayCommand.Fail(arguments, stderr);
        }
        if (levels == 0 && !TryInferLevels(orderbookPath, out levels))
        {
            return ReplayCommand.Fail(arguments, stderr, $"cannot tell the levels from the first row of {orderbookPath}; give --levels");
        }

        using var messageText = new StreamReader(messagesPath);
        using var orderbookText = new StreamReader(orderbookPath);
        using var top = outPath is null ? null : new StreamWriter(outPath);
        var messages = new LobsterMessageReader(messageText, Path.GetFileName(messagesPath), instrumentId: 0);
        var orderbook = new LobsterOrderbookReader(orderbookText, Path.GetFileName(orderbookPath), levels);
        var summary = Replay(messages, orderbook, new LobsterTransitionChecker(levels), top, stderr);

        foreach (var problem in messages.Problems)
        {
            stderr.WriteLine($"replay: malformed line {problem}");
        }
        foreach (var problem in orderbook.Problems)
        {
            stderr.WriteLine($"replay: malformed line {problem}");
        }
        if (summary.BookErrors > 0)
        {
            stderr.WriteLine($"replay: the book could not apply {summary.BookErrors} messages exactly (unknown order or price level)");
        }
        long malformed = messages.MalformedCount + orderbook.MalformedCount;
        if (malformed > 0 || summary.UnpairedRows > 0)
        {
            stderr.WriteLine($"replay: {malformed} malformed lines, {summary.UnpairedRows} rows without a partner in the other file");
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"rows\":{summary.Rows},\"checked\":{summary.Checked},\"mismatches\":{summary.Mismatches}}}"));
        return summary.Mismatches == 0 && malformed == 0 && summary.UnpairedRows == 0 ? 0 : 1;
    }

    private static ReplaySummary Replay(LobsterMessageReader messages, LobsterOrderbookReader orderbook, LobsterTransitionChecker checker, StreamWriter? top, TextWriter stderr)
    {
        int width = orderbook.Levels * LobsterOrderbookReader.FieldsPerLevel;
        var previous = new long[width];
        var row = new long[width];
        bool havePrevious = false;
        var message = default(MarketDataEvent);
        var summary = default(ReplaySummary);
        top?.WriteLine("row,ts_ns,bid_price,bid_size,ask_price,ask_size,condition");
        while (messages.TryRead(ref message, out var messageReason))
        {
            if (!orderbook.TryRead(row, out var rowReason))
            {
                summary.UnpairedRows++;
                continue;
            }
            summary.Rows++;
            if (havePrevious && messageReason == LobsterLineReason.Ok && rowReason == LobsterLineReason.Ok)
            {
                summary.Checked++;
                string? difference = checker.Check(previous, ref message, row);
                if (difference is not null && ++summary.Mismatches <= MaxMismatchesReported)
                {
                    stderr.WriteLine($"replay: mismatch at row {summary.Rows} (message line {messages.LineNumber}): {difference}");
                }
                top?.WriteLine(TopOfBookLine(summary.Rows, message.TsEventNs, checker));
            }
            havePrevious = rowReason == LobsterLineReason.Ok;
            (previous, row) = (row, previous);
        }
        while (orderbook.TryRead(row, out _))
        {
            summary.UnpairedRows++;
        }
        summary.BookErrors = checker.Book.ErrorTotal;
        return summary;
    }

    private static string TopOfBookLine(long rowNumber, long tsNs, LobsterTransitionChecker checker)
    {
        var book = checker.Book;
        book.TryGetBest(Side.Buy, out var bid);
        book.TryGetBest(Side.Sell, out var ask);
        return string.Create(CultureInfo.InvariantCulture, $"{rowNumber},{tsNs},{bid.PriceTicks},{bid.Quantity},{ask.PriceTicks},{ask.Quantity},{book.Condition}");
    }

    /// <summary>The levels of a LOBSTER orderbook file: the field count of its first data row over 4; false when that does not divide.</summary>
    internal static bool TryInferLevels(string orderbookPath, out int levels)
    {
        levels = 0;
        foreach (string line in File.ReadLines(orderbookPath))
        {
            if (line.Length == 0 || !(char.IsAsciiDigit(line[0]) || line[0] == '-'))
            {
                continue;
            }
            int fields = line.Count(c => c == ',') + 1;
            levels = fields % LobsterOrderbookReader.FieldsPerLevel == 0 ? fields / LobsterOrderbookReader.FieldsPerLevel : 0;
            return levels > 0;
        }
        return false;
    }

    private struct ReplaySummary
    {
        public long Rows;
        public long Checked;
        public long Mismatches;
        public long UnpairedRows;
        public long BookErrors;
    }
}
