using System.Text;
using Feeds.Kraken;

namespace Engine.Tests.Kraken;

public sealed class KrakenRecordedLineTests
{
    [Test]
    public void Parse_ReceivedLine_GivesTheTimeAndTheJson()
    {
        RecordedLineKind kind = KrakenRecordedLine.Parse("1618678133.2949052: {\"event\":\"heartbeat\"}\r"u8, out long ts, out ReadOnlySpan<byte> json);

        Assert.That(kind, Is.EqualTo(RecordedLineKind.Received));
        Assert.That(ts, Is.EqualTo(1_618_678_133_294_905_200L));
        Assert.That(Encoding.ASCII.GetString(json), Is.EqualTo("{\"event\":\"heartbeat\"}"));
    }

    [Test]
    public void Parse_SentLine_IsSentWithItsJson()
    {
        RecordedLineKind kind = KrakenRecordedLine.Parse("wss://ws.kraken.com <- 1618678132.8253062: {\"event\":\"subscribe\"}"u8, out long ts, out ReadOnlySpan<byte> json);

        Assert.That(kind, Is.EqualTo(RecordedLineKind.Sent));
        Assert.That(ts, Is.EqualTo(1_618_678_132_825_306_200L));
        Assert.That(Encoding.ASCII.GetString(json), Is.EqualTo("{\"event\":\"subscribe\"}"));
    }

    [Test]
    public void Parse_ConnectionLine_IsConnectionOpened()
    {
        RecordedLineKind kind = KrakenRecordedLine.Parse("wss://ws.kraken.com <-> 1618678132.3858151"u8, out long ts, out ReadOnlySpan<byte> json);

        Assert.That(kind, Is.EqualTo(RecordedLineKind.ConnectionOpened));
        Assert.That(ts, Is.EqualTo(1_618_678_132_385_815_100L));
        Assert.That(json.IsEmpty, Is.True);
    }

    [TestCase("", RecordedLineKind.Blank)]
    [TestCase("  \r", RecordedLineKind.Blank)]
    [TestCase("no separator here", RecordedLineKind.Malformed)]
    [TestCase("yesterday: {\"event\":\"heartbeat\"}", RecordedLineKind.Malformed)]
    [TestCase("-1.5: {}", RecordedLineKind.Malformed)]
    public void Parse_OtherLines_AreBlankOrMalformed(string line, RecordedLineKind expected)
    {
        Assert.That(KrakenRecordedLine.Parse(Encoding.ASCII.GetBytes(line), out _, out _), Is.EqualTo(expected));
    }
}
