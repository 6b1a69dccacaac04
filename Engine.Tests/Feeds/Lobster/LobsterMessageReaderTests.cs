using Engine.Tests.Feeds.Synthetic;
using Feeds;
using Feeds.Lobster;

namespace Engine.Tests.Feeds.Lobster;

public sealed class LobsterMessageReaderTests
{
    private static (MarketDataEvent Event, LobsterLineReason Reason) ReadOne(string line)
    {
        var reader = new LobsterMessageReader(new StringReader(line), "m.csv", instrumentId: 5);
        var e = default(MarketDataEvent);
        Assert.That(reader.TryRead(ref e, out var reason), Is.True);
        return (e, reason);
    }

    [Test]
    public void TryRead_NewLimitOrder_IsAnAddWithExactNanoseconds()
    {
        var (e, reason) = ReadOne("34200.004241176,1,16113575,18,5853300,1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reason, Is.EqualTo(LobsterLineReason.Ok));
            Assert.That(e.Kind, Is.EqualTo(MarketDataKind.Add));
            Assert.That(e.TsEventNs, Is.EqualTo(34_200_004_241_176L));
            Assert.That(e.OrderId, Is.EqualTo(16113575));
            Assert.That(e.Quantity, Is.EqualTo(18));
            Assert.That(e.PriceTicks, Is.EqualTo(5853300));
            Assert.That(e.Side, Is.EqualTo(Side.Buy));
            Assert.That(e.InstrumentId, Is.EqualTo(5));
        }
    }

    [TestCase("34200.5,2,7,10,5859100,-1", MarketDataKind.Cancel, Side.Sell, 34_200_500_000_000L)]
    [TestCase("34200,3,7,10,5859100,-1", MarketDataKind.Delete, Side.Sell, 34_200_000_000_000L)]
    [TestCase("34200.000000001,4,7,10,5859100,1", MarketDataKind.Execute, Side.Buy, 34_200_000_000_001L)]
    [TestCase("34200.1,5,0,10,5859100,1", MarketDataKind.Trade, Side.Sell, 34_200_100_000_000L)]
    public void TryRead_EachOrderType_MapsToItsKind(string line, MarketDataKind kind, Side side, long tsNs)
    {
        var (e, reason) = ReadOne(line);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reason, Is.EqualTo(LobsterLineReason.Ok));
            Assert.That(e.Kind, Is.EqualTo(kind));
            Assert.That(e.Side, Is.EqualTo(side), "hidden executions carry the aggressor, the other side of the hidden order");
            Assert.That(e.TsEventNs, Is.EqualTo(tsNs));
            Assert.That(e.Quantity, Is.EqualTo(10));
        }
    }

    [TestCase(-1, TradingStatus.Halted)]
    [TestCase(0, TradingStatus.QuotingOnly)]
    [TestCase(1, TradingStatus.Trading)]
    public void TryRead_HaltIndicator_IsATradingStatus(int price, TradingStatus status)
    {
        var (e, reason) = ReadOne($"34300.1,7,0,0,{price},-1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reason, Is.EqualTo(LobsterLineReason.Ok));
            Assert.That(e.Kind, Is.EqualTo(MarketDataKind.TradingStatus));
            Assert.That((TradingStatus)e.Status, Is.EqualTo(status));
        }
    }

    [TestCase("34200.1,1,7,10,5859100", LobsterLineReason.WrongFieldCount)]
    [TestCase("34200.1,1,7,10,5859100,1,9", LobsterLineReason.WrongFieldCount)]
    [TestCase("   ", LobsterLineReason.WrongFieldCount)]
    [TestCase("34200.1,1,7,ten,5859100,1", LobsterLineReason.BadNumber)]
    [TestCase("34200.1234567891,1,7,10,5859100,1", LobsterLineReason.BadNumber)]
    [TestCase("-5.1,1,7,10,5859100,1", LobsterLineReason.BadNumber)]
    [TestCase("34200.1,6,7,10,5859100,1", LobsterLineReason.UnknownType)]
    [TestCase("34200.1,1,7,10,5859100,0", LobsterLineReason.BadField)]
    [TestCase("34200.1,7,0,0,2,-1", LobsterLineReason.BadField)]
    public void TryRead_MalformedLine_IsReportedNotThrown(string line, LobsterLineReason expected)
    {
        Assert.That(ReadOne(line).Reason, Is.EqualTo(expected));
    }

    [Test]
    public void ReadAll_HeaderAndAMalformedLine_PublishesTheRestAndRecordsTheLineNumber()
    {
        string text = "Time,Type,OrderID,Size,Price,Direction\n34200.1,1,7,10,100,1\nbroken\n34200.2,3,7,10,100,1\n";
        var reader = new LobsterMessageReader(new StringReader(text), "m.csv", 0);
        var sink = new RecordingSink();

        long published = reader.ReadAll(sink);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(published, Is.EqualTo(2));
            Assert.That(sink.Events.Select(e => e.Kind), Is.EqualTo(new[] { MarketDataKind.Add, MarketDataKind.Delete }));
            Assert.That(reader.RowCount, Is.EqualTo(3));
            Assert.That(reader.MalformedCount, Is.EqualTo(1));
            Assert.That(reader.Problems, Is.EqualTo(new[] { new LobsterProblem("m.csv", 3, LobsterLineReason.WrongFieldCount) }));
        }
    }
}
