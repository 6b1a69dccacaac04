using System.Text;
using System.Text.Json;
using Feeds;
using Feeds.Instruments;
using Feeds.Kraken;

namespace Engine.Replay;

/// <summary>
/// <c>engine replay --format kraken --file F [--out FILE]</c>: replays a recorded Kraken WebSocket v1
/// session (<c>&lt;epoch&gt;: &lt;json&gt;</c> lines) through the live book decoder, verifying every
/// update's CRC32 checksum.
/// </summary>
/// <remarks>
/// The last stdout line is a JSON summary (snapshots, updates, checksums verified and failed, the
/// other messages, rejects by reason, the book top per pair at the end). <c>--out</c> writes the top
/// of book after every book message as CSV (<see cref="KrakenTopOfBookCsv"/>). Exit code 1 if a
/// checksum failed or a line or message was malformed, else 0.
/// </remarks>
public static class KrakenReplay
{
    private const int MaxInstruments = 1024;

    /// <summary>Runs the replay.</summary>
    public static int Run(ReplayArguments arguments, TextWriter stdout, TextWriter stderr)
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

        var instruments = new InstrumentTable(MaxInstruments);
        var sink = new KrakenReplaySink();
        var decoder = new KrakenBookDecoder(instruments, sink);
        var replayer = new KrakenSessionReplayer(decoder);
        using (var input = File.OpenRead(file))
        using (StreamWriter? csv = outPath is null ? null : new StreamWriter(outPath, append: false, Encoding.ASCII))
        {
            KrakenTopOfBookCsv? observer = null;
            if (csv is not null)
            {
                csv.WriteLine(KrakenTopOfBookCsv.Header);
                observer = new KrakenTopOfBookCsv(decoder, csv);
            }
            replayer.Run(input, observer);
        }

        KrakenDecoderCounters counters = decoder.Counters;
        stdout.WriteLine(Summary(replayer, decoder, instruments, sink));
        bool bad = counters.ChecksumsFailed > 0 || counters.Malformed > 0 || replayer.MalformedLines > 0 || replayer.OversizedLines > 0;
        return bad ? 1 : 0;
    }

    private static string Summary(KrakenSessionReplayer replayer, KrakenBookDecoder decoder, InstrumentTable instruments, KrakenReplaySink sink)
    {
        KrakenDecoderCounters counters = decoder.Counters;
        return ReplayJson.Object(json =>
        {
            json.WriteString("format", "kraken");
            json.WriteNumber("lines", replayer.Lines);
            json.WriteNumber("received", replayer.Received);
            json.WriteNumber("sent", replayer.Sent);
            json.WriteNumber("connections", replayer.Connections);
            json.WriteNumber("malformedLines", replayer.MalformedLines);
            json.WriteNumber("oversizedLines", replayer.OversizedLines);
            json.WriteNumber("snapshots", counters.Snapshots);
            json.WriteNumber("updates", counters.Updates);
            json.WriteNumber("checksumsVerified", counters.ChecksumsVerified);
            json.WriteNumber("checksumsFailed", counters.ChecksumsFailed);
            json.WriteNumber("updatesWithoutChecksum", counters.UpdatesWithoutChecksum);
            json.WriteNumber("updatesIgnored", counters.Rejected(KrakenRejectReason.BookNotReady));
            json.WriteNumber("heartbeats", counters.Heartbeats);
            json.WriteNumber("systemStatus", counters.SystemStatus);
            json.WriteNumber("subscriptionStatus", counters.SubscriptionStatus);
            json.WriteNumber("otherEvents", counters.OtherEvents);
            json.WriteNumber("otherChannels", counters.OtherChannels);
            json.WriteNumber("malformed", counters.Malformed);
            json.WriteStartObject("rejected");
            foreach (KrakenRejectReason reason in Enum.GetValues<KrakenRejectReason>())
            {
                if (reason != KrakenRejectReason.None && reason != KrakenRejectReason.BookNotReady && counters.Rejected(reason) > 0)
                {
                    json.WriteNumber(reason.ToString(), counters.Rejected(reason));
                }
            }
            json.WriteEndObject();
            json.WriteNumber("resubscribeRequests", counters.ResubscribeRequests);
            json.WriteNumber("levelsTruncated", counters.LevelsTruncated);
            json.WriteNumber("deletesOfAbsentLevels", counters.DeletesOfAbsentLevels);
            json.WriteNumber("events", sink.Events);
            json.WriteNumber("levelSetEvents", sink.Count(MarketDataKind.LevelSet));
            WriteBooks(json, decoder, instruments);
        });
    }

    private static void WriteBooks(Utf8JsonWriter json, KrakenBookDecoder decoder, InstrumentTable instruments)
    {
        json.WriteStartObject("books");
        for (int id = 0; id < instruments.Count; id++)
        {
            if (decoder.Book(id) is not { } book)
            {
                continue;
            }
            json.WriteStartObject(book.Instrument.Symbol);
            json.WriteBoolean("valid", book.IsValid);
            json.WriteNumber("priceDecimals", book.PriceDecimals);
            json.WriteNumber("bids", book.Bids.Count);
            json.WriteNumber("asks", book.Asks.Count);
            if (book.Bids.Count > 0)
            {
                json.WriteString("bid", KrakenTopOfBookCsv.FormatFixed(book.Bids[0].PriceTicks, book.PriceDecimals));
            }
            if (book.Asks.Count > 0)
            {
                json.WriteString("ask", KrakenTopOfBookCsv.FormatFixed(book.Asks[0].PriceTicks, book.PriceDecimals));
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
