using System.Text;
using Feeds;
using Feeds.Instruments;
using Feeds.Kraken;

namespace Engine.Tests.Kraken;

public sealed class KrakenSessionReplayerTests
{
    [TestCase(50)]
    [TestCase(64)]
    [TestCase(1 << 20)]
    public void Run_MixedLines_HandsOnlyReceivedMessagesToTheDecoderWhateverTheBufferSize(int maxLineBytes)
    {
        string session = string.Join('\n',
            "wss://ws.kraken.com <-> 1618678132.3858151",
            "wss://ws.kraken.com <- 1.5: {\"event\":\"subscribe\"}",
            "1.6: {\"event\":\"heartbeat\"}",
            "",
            "garbage",
            "1.7: {\"event\":\"heartbeat\"}") + "\n1.8: {\"event\":\"heartbeat\"}"; // the last line has no line break
        var (replayer, decoder) = Replay(session, maxLineBytes);

        Assert.That(replayer.Lines, Is.EqualTo(7));
        Assert.That(replayer.Connections, Is.EqualTo(1));
        Assert.That(replayer.Sent, Is.EqualTo(1));
        Assert.That(replayer.MalformedLines, Is.EqualTo(1));
        Assert.That(replayer.Received, Is.EqualTo(3));
        Assert.That(decoder.Counters.Heartbeats, Is.EqualTo(3));
    }

    [Test]
    public void Run_LineLongerThanTheBuffer_IsCountedAndSkipped()
    {
        string session = "1.6: {\"event\":\"heartbeat\"}\n1.7: {\"event\":\"" + new string('x', 200) + "\"}\n1.8: {\"event\":\"heartbeat\"}\n";

        var (replayer, decoder) = Replay(session, maxLineBytes: 64);

        Assert.That(replayer.OversizedLines, Is.EqualTo(1));
        Assert.That(replayer.Received, Is.EqualTo(2));
        Assert.That(decoder.Counters.Heartbeats, Is.EqualTo(2));
    }

    [Test]
    public void Run_ConnectionOpenedAfterSnapshot_InvalidatesTheBookUntilTheNextSnapshot()
    {
        string snapshot = KrakenMessages.Snapshot("XBT/USD", 10, [("100.5", "1.0")], [("100.1", "1.0")]);
        string session = $"1.0: {snapshot}\nwss://ws.kraken.com <-> 2.0\n";

        var (_, decoder) = Replay(session, 1 << 16);

        Assert.That(decoder.Book(0)!.IsValid, Is.False);
    }

    private static (KrakenSessionReplayer Replayer, KrakenBookDecoder Decoder) Replay(string session, int maxLineBytes)
    {
        var decoder = new KrakenBookDecoder(new InstrumentTable(4), new KrakenRecordingSink());
        var replayer = new KrakenSessionReplayer(decoder, maxLineBytes);
        using var input = new MemoryStream(Encoding.ASCII.GetBytes(session));
        replayer.Run(input, null);
        return (replayer, decoder);
    }
}
