using Engine.Book;
using Feeds.Instruments;
using Feeds.Itch;

namespace Engine.Replay;

/// <summary>
/// <c>engine replay --format itch --file F [--out FILE]</c>: decodes a BinaryFILE of ITCH 5.0
/// messages and prints, as its last line, a JSON summary: messages per type, add orders per side
/// and per stock, trades (P) per stock, the unknown-reference count and each stock's top of book,
/// and what was malformed.
/// </summary>
/// <remarks>
/// Exit code 0, or 1 when any input was malformed. <c>--out</c> writes one CSV line per event with
/// the top of the event's book after it (<see cref="ItchReplaySink.CsvHeader"/>).
/// </remarks>
public static class ItchReplay
{
    /// <summary>Instruments the replay can register: every possible stock locate.</summary>
    internal const int InstrumentCapacity = ushort.MaxValue + 1;

    /// <summary>
    /// Runs the replay through the engine's own L3 books, sized by <c>--instruments</c> (default
    /// 8192 books) and <c>--max-orders</c> (default 1,048,576 resting orders).
    /// </summary>
    public static int Run(ReplayArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var options = new BookOptions
        {
            Instruments = arguments.PositiveInt("instruments", 8_192),
            MaxOrders = arguments.PositiveInt("max-orders", 1 << 20),
        };
        return Run(arguments, stdout, stderr, arguments.Errors.Count == 0 ? new OrderBooksReplayBook(options) : null);
    }

    /// <summary>Runs the replay, applying every event to <paramref name="book"/> if one is given.</summary>
    public static int Run(ReplayArguments arguments, TextWriter stdout, TextWriter stderr, IReplayBook? book)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? file = arguments.ExistingFile("file");
        string? outPath = arguments.Optional("out");
        if (!arguments.IsValid() || file is null)
        {
            return ReplayCommand.Fail(arguments, stderr);
        }

        var instruments = new InstrumentTable(InstrumentCapacity);
        using var csv = outPath is null ? null : new StreamWriter(outPath);
        var sink = new ItchReplaySink(instruments, book, csv);
        var decoder = new ItchDecoder(instruments, sink, sink);
        var reader = new ItchBinaryFileReader(decoder);
        reader.ReadFileAsync(file, CancellationToken.None).GetAwaiter().GetResult();

        var counters = decoder.Counters;
        long malformed = counters.Malformed + reader.MalformedFrames;
        if (book is null)
        {
            stderr.WriteLine("replay: no order book is wired into this replay: unknownReferences and bookTop are null");
        }
        if (malformed > 0)
        {
            stderr.WriteLine($"replay: malformed input: {counters.Malformed} messages rejected, {reader.ResyncBytes} bytes skipped to resynchronise, {reader.TruncatedBytes} bytes truncated at the end");
        }
        stdout.WriteLine(ReplayJson.Object(writer =>
        {
            writer.WriteNumber("frames", reader.Frames);
            writer.WriteNumber("messages", counters.Decoded);
            writer.WriteNumber("events", sink.Events);
            ItchReplayReport.WriteTypes(writer, counters);
            ItchReplayReport.WriteAddsAndTrades(writer, instruments, sink);
            ItchReplayReport.WriteBook(writer, instruments, book);
            writer.WriteStartObject("malformed");
            writer.WriteNumber("total", malformed);
            writer.WriteNumber("messages", counters.Malformed);
            writer.WriteNumber("resyncBytes", reader.ResyncBytes);
            writer.WriteNumber("truncatedBytes", reader.TruncatedBytes);
            writer.WriteEndObject();
            ItchReplayReport.WriteRejects(writer, counters);
        }));
        return malformed > 0 ? 1 : 0;
    }
}
