using System.Text;
using CsCheck;
using Engine.Tests.Support;
using Feeds.Instruments;
using Feeds.Kraken;

namespace Engine.Tests.Kraken;

/// <summary>
/// Random, truncated and mutated input into the decoder: it must end every message in a result of
/// its own (never an exception out of it), count what it rejects, and finish (each run is on a
/// worker thread whose join fails the test instead of hanging it).
/// </summary>
public sealed class KrakenDecoderFuzzTests
{
    private static byte[][] s_lines = null!;

    [OneTimeSetUp]
    public void LoadSession()
    {
        string path = Path.Combine(RepositoryPaths.Root(), "testdata", "kraken", "KRAKEN.ws.50.0");
        s_lines = [.. File.ReadAllLines(path)
            .Where(line => !line.Contains("<-", StringComparison.Ordinal) && line.Contains(": ", StringComparison.Ordinal))
            .Select(line => Encoding.ASCII.GetBytes(line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..]))];
    }

    [Test]
    public void Decode_RandomBytes_NeverThrowsAndCountsEveryMessage()
    {
        var decoder = NewDecoder();
        long calls = 0;
        RunBounded(() => Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            calls++;
            decoder.Decode(bytes, 0);
        }, iter: 3_000, threads: 1));

        Assert.That(decoder.Counters.Messages, Is.EqualTo(calls));
        Assert.That(decoder.Counters.Malformed, Is.GreaterThan(calls * 9 / 10), "random bytes are almost never a message");
    }

    [Test]
    public void Decode_RandomJsonLikeText_NeverThrowsAndEveryMessageIsAccountedFor()
    {
        var decoder = NewDecoder();
        long calls = 0;
        var text = Gen.Char["[]{}\",:0123456789.abcsr-book/XBT "].Array[0, 200].Select(chars => Encoding.ASCII.GetBytes(chars));
        RunBounded(() => text.Sample(bytes =>
        {
            calls++;
            decoder.Decode(bytes, 0);
        }, iter: 3_000, threads: 1));

        KrakenDecoderCounters counters = decoder.Counters;
        long accounted = counters.Malformed + counters.Snapshots + counters.Updates + counters.Heartbeats + counters.SystemStatus
            + counters.SubscriptionStatus + counters.OtherEvents + counters.OtherChannels;
        Assert.That(accounted, Is.EqualTo(calls));
    }

    [Test]
    public void Decode_TruncatedRealLines_AreEachCountedAsBadJson()
    {
        var decoder = NewDecoder();
        long calls = 0;
        var cut = Gen.Int[0, s_lines.Length - 1].SelectMany(line => Gen.Int[0, s_lines[line].Length - 1].Select(length => (line, length)));
        RunBounded(() => cut.Sample((line, length) =>
        {
            calls++;
            decoder.Decode(s_lines[line].AsSpan(0, length), 0);
        }, iter: 2_000, threads: 1));

        Assert.That(decoder.Counters.Rejected(KrakenRejectReason.BadJson), Is.EqualTo(calls));
    }

    [Test]
    public void Decode_MutatedRealLines_NeverThrowsAndLeavesEveryBookConsistent()
    {
        var table = new InstrumentTable(16);
        var decoder = new KrakenBookDecoder(table, new KrakenRecordingSink(), new KrakenRecordingResubscriber());
        // The whole session once first, so that every book exists whatever lines the fuzzing draws: 10 of its
        // 4,321 lines are snapshots, and 2,000 draws pick none of them about once in a hundred runs (the
        // table then stayed empty and the test failed, as on a CI run of session 14).
        foreach (byte[] line in s_lines)
        {
            decoder.Decode(line, 0);
        }
        var mutation = Gen.Int[0, s_lines.Length - 1].SelectMany(line =>
            Gen.Select(Gen.Int[0, s_lines[line].Length - 1], Gen.Byte).Array[1, 3].Select(changes => (line, changes)));
        RunBounded(() => mutation.Sample((line, changes) =>
        {
            byte[] message = (byte[])s_lines[line].Clone();
            foreach (var (position, value) in changes)
            {
                message[position] = value;
            }
            decoder.Decode(message, 0);
            decoder.Decode(s_lines[line], 0); // the original too, so the books get updated
        }, iter: 2_000, threads: 1));

        Assert.That(table.Count, Is.GreaterThan(0));
        for (int id = 0; id < table.Count; id++)
        {
            if (decoder.Book(id) is { } book)
            {
                KrakenBookAssert.Consistent(book);
            }
        }
    }

    private static KrakenBookDecoder NewDecoder() => new(new InstrumentTable(64), new KrakenRecordingSink(), new KrakenRecordingResubscriber());

    private static void RunBounded(Action body)
    {
        var worker = WorkerThread.Start("kraken-fuzz", body);
        worker.Join(TestTimeouts.LongRun);
    }
}
