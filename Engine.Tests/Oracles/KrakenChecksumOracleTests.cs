using System.Text;
using Engine.Tests.Kraken;
using Engine.Tests.Support;
using Feeds.Instruments;
using Feeds.Kraken;

namespace Engine.Tests.Oracles;

/// <summary>
/// The recorded Kraken session of testdata/kraken (cryptofeed's sample, 10 pairs, depth 1000): every
/// one of its 4,269 update checksums must verify, and a copy with one volume changed must not.
/// </summary>
public sealed class KrakenChecksumOracleTests
{
    private const int Checksums = 4_269;

    private static string SessionPath() => Path.Combine(RepositoryPaths.Root(), "testdata", "kraken", "KRAKEN.ws.50.0");

    [Test]
    public void Replay_RecordedSession_Verifies4269Of4269Checksums()
    {
        var decoder = new KrakenBookDecoder(new InstrumentTable(16), new KrakenRecordingSink());
        var replayer = new KrakenSessionReplayer(decoder);

        using (FileStream input = File.OpenRead(SessionPath()))
        {
            replayer.Run(input, null);
        }

        KrakenDecoderCounters counters = decoder.Counters;
        Assert.That(counters.ChecksumsVerified, Is.EqualTo(Checksums));
        Assert.That(counters.ChecksumsFailed, Is.Zero);
        Assert.That(counters.Updates, Is.EqualTo(Checksums));
        Assert.That(counters.Snapshots, Is.EqualTo(10));
        Assert.That(counters.Heartbeats, Is.EqualTo(31));
        Assert.That(counters.SystemStatus, Is.EqualTo(1));
        Assert.That(counters.SubscriptionStatus, Is.EqualTo(10));
        Assert.That(counters.Malformed, Is.Zero);
        Assert.That(counters.ResubscribeRequests, Is.Zero);
        Assert.That(replayer.Sent, Is.EqualTo(1));
        Assert.That(replayer.Connections, Is.EqualTo(1));
        Assert.That(replayer.MalformedLines, Is.Zero);
    }

    [Test]
    public void Decode_RecordedSession_AgreesWithTheStringReferenceAfterEveryMessage()
    {
        var table = new InstrumentTable(16);
        var decoder = new KrakenBookDecoder(table, new KrakenRecordingSink());
        var references = new Dictionary<int, KrakenReferenceBook>();
        int referenceVerified = 0;
        foreach (string json in ReceivedMessages(File.ReadAllLines(SessionPath())))
        {
            KrakenDecodeResult result = decoder.Decode(Encoding.ASCII.GetBytes(json), 0);
            if (result.Kind is not (KrakenMessageKind.Snapshot or KrakenMessageKind.Update))
            {
                continue;
            }
            if (result.Kind == KrakenMessageKind.Snapshot)
            {
                references[result.InstrumentId] = new KrakenReferenceBook(1000);
            }
            KrakenReferenceBook reference = references[result.InstrumentId];
            uint? expected = reference.Apply(json);
            referenceVerified += expected == reference.Checksum() ? 1 : 0;
            KrakenBook book = decoder.Book(result.InstrumentId)!;
            KrakenBookAssert.SameAs(book, reference);
        }

        Assert.That(referenceVerified, Is.EqualTo(Checksums), "the README's literal algorithm agrees on the same file");
        Assert.That(decoder.Counters.ChecksumsVerified, Is.EqualTo(Checksums));
        for (int id = 0; id < table.Count; id++)
        {
            KrakenBookAssert.Consistent(decoder.Book(id)!);
        }
    }

    [Test]
    public void Replay_CopyWithOneVolumeChanged_FailsThatChecksumInvalidatesRequestsResubscribeAndRecoversOnTheNextSnapshot()
    {
        string[] lines = File.ReadAllLines(SessionPath());
        (int corrupted, string pair, string snapshot) = CorruptOneVolume(lines);
        var copy = new List<string>(lines);
        copy.Insert(corrupted + 1, "1618678200.0: " + snapshot);
        string path = Path.Combine(Path.GetTempPath(), $"kraken-corrupted-{Guid.NewGuid():N}");
        File.WriteAllLines(path, copy);
        var resubscriber = new KrakenRecordingResubscriber();
        var decoder = new KrakenBookDecoder(new InstrumentTable(16), new KrakenRecordingSink(), resubscriber);
        var observer = new InvalidationObserver(decoder);
        try
        {
            using FileStream input = File.OpenRead(path);
            new KrakenSessionReplayer(decoder).Run(input, observer);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.That(decoder.Counters.ChecksumsFailed, Is.EqualTo(1));
        Assert.That(decoder.Counters.ChecksumsVerified, Is.EqualTo(Checksums - 1));
        Assert.That(resubscriber.Pairs, Is.EqualTo(new[] { pair }));
        Assert.That(observer.InvalidAfterFailure, Is.True, "the book was invalid right after the mismatch");
        Assert.That(decoder.Counters.Snapshots, Is.EqualTo(11));
        Assert.That(decoder.Counters.Rejected(KrakenRejectReason.BookNotReady), Is.Zero);
        for (int id = 0; id < 10; id++)
        {
            Assert.That(decoder.Book(id)!.IsValid, Is.True, "every book valid at the end, the corrupted one since its new snapshot");
        }
    }

    /// <summary>
    /// Changes one volume of the first update whose checksum the change breaks, and builds the
    /// correct snapshot of that pair's book right after the original update (the resubscribe's answer).
    /// </summary>
    private static (int Line, string Pair, string Snapshot) CorruptOneVolume(string[] lines)
    {
        var references = new Dictionary<string, KrakenReferenceBook>();
        for (int i = 0; i < lines.Length; i++)
        {
            string? json = ReceivedJson(lines[i]);
            if (json is null || !json.StartsWith('['))
            {
                continue;
            }
            string pair = json[(json.LastIndexOf(",\"", StringComparison.Ordinal) + 2)..^2];
            if (json.Contains("\"as\":", StringComparison.Ordinal))
            {
                references[pair] = new KrakenReferenceBook(1000);
                references[pair].Apply(json);
                continue;
            }
            int volumeStart = json.IndexOf("\",\"", StringComparison.Ordinal) + 3;
            int volumeEnd = json.IndexOf('"', volumeStart);
            string volume = json[volumeStart..volumeEnd];
            string changed = json[..volumeStart] + (volume[0] == '9' ? '1' : (char)(volume[0] + 1)) + json[(volumeStart + 1)..];
            var probe = new KrakenReferenceBook(1000);
            probe.Apply(references[pair].ToSnapshot(pair));
            uint? expected = probe.Apply(changed);
            references[pair].Apply(json);
            if (i > 100 && !volume.StartsWith("0.00000000", StringComparison.Ordinal) && probe.Checksum() != expected)
            {
                lines[i] = lines[i].Replace(json, changed, StringComparison.Ordinal);
                return (i, pair, references[pair].ToSnapshot(pair));
            }
        }
        throw new AssertionException("no update whose volume change breaks its checksum");
    }

    private static IEnumerable<string> ReceivedMessages(string[] lines)
    {
        foreach (string line in lines)
        {
            if (ReceivedJson(line) is { } json)
            {
                yield return json;
            }
        }
    }

    private static string? ReceivedJson(string line)
    {
        int separator = line.IndexOf(": ", StringComparison.Ordinal);
        return separator < 0 || line.Contains("<-", StringComparison.Ordinal) ? null : line[(separator + 2)..];
    }

    private sealed class InvalidationObserver(KrakenBookDecoder decoder) : IKrakenReplayObserver
    {
        public bool InvalidAfterFailure { get; private set; }

        public void OnMessage(in KrakenDecodeResult result, long tsRecvNs)
        {
            if (result.ChecksumFailed)
            {
                InvalidAfterFailure = decoder.Book(result.InstrumentId) is { IsValid: false };
            }
        }
    }
}
