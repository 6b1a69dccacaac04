using System.Text;
using CsCheck;
using Feeds;
using Feeds.Alpaca;

namespace Engine.Tests.Alpaca;

public sealed class AlpacaMessageDecoderTests
{
    private ConcurrentRecordingSink _sink = null!;
    private AlpacaMessageDecoder _decoder = null!;

    [SetUp]
    public void SetUp()
    {
        _sink = new ConcurrentRecordingSink();
        _decoder = new AlpacaMessageDecoder(AlpacaTestData.Instruments(), _sink, _sink);
    }

    private AlpacaFrameResult Decode(string frame, long tsRecvTicks = 777) => _decoder.Decode(Encoding.UTF8.GetBytes(frame), tsRecvTicks);

    [Test]
    public void Decode_DocumentedTrade_PublishesTheTradeWithExactValues()
    {
        var result = Decode(AlpacaTestData.Trade);

        Assert.That(result, Is.EqualTo(new AlpacaFrameResult(1, 0, false, AlpacaControlKind.None, 0)));
        var trade = _sink.Events.Single();
        Assert.That(trade.Kind, Is.EqualTo(MarketDataKind.Trade));
        Assert.That(trade.InstrumentId, Is.EqualTo(AlpacaTestData.Aapl));
        Assert.That(trade.PriceTicks, Is.EqualTo(1_265_500));
        Assert.That(trade.Quantity, Is.EqualTo(1));
        Assert.That(trade.OrderId, Is.EqualTo(96921));
        Assert.That(trade.Side, Is.EqualTo(Side.None));
        Assert.That(trade.TsEventNs, Is.EqualTo(AlpacaTestData.UnixNs(2021, 2, 22, 15, 51, 44, 208_000_000)));
        Assert.That(trade.TsRecvNs, Is.EqualTo(777));
        Assert.That(trade.EndOfMessage, Is.True);
        Assert.That(_decoder.Trades, Is.EqualTo(1));
    }

    [Test]
    public void Decode_FrameOfThreeQuotes_PublishesEachQuoteInOrder()
    {
        var result = Decode(AlpacaTestData.ThreeQuotes);

        Assert.That(result.Events, Is.EqualTo(3));
        var quotes = _sink.Events;
        Assert.That(quotes.Select(q => q.Kind), Is.All.EqualTo(MarketDataKind.Quote));
        Assert.That(quotes.Select(q => q.InstrumentId), Is.All.EqualTo(AlpacaTestData.Amd));
        Assert.That(quotes.Select(q => q.PriceTicks), Is.All.EqualTo(876_600));
        Assert.That(quotes.Select(q => q.Quantity), Is.All.EqualTo(1));
        Assert.That(quotes.Select(q => q.AskPriceTicks), Is.EqualTo(new long[] { 876_700, 876_800, 876_700 }));
        Assert.That(quotes.Select(q => q.AskQuantity), Is.EqualTo(new long[] { 1, 4, 1 }));
        Assert.That(quotes.Select(q => q.TsEventNs), Is.EqualTo(new[]
        {
            AlpacaTestData.UnixNs(2021, 2, 22, 15, 51, 45, 335_567_700),
            AlpacaTestData.UnixNs(2021, 2, 22, 15, 51, 45, 335_689_322),
            AlpacaTestData.UnixNs(2021, 2, 22, 15, 51, 45, 335_806_018),
        }));
    }

    [Test]
    public void Decode_MinuteAndDailyBars_GoToTheBarSinkAndAreCounted()
    {
        Decode(AlpacaTestData.MinuteBar);
        Decode(AlpacaTestData.DailyBar);

        Assert.That(_sink.Events, Is.Empty, "bars have no market-data event kind");
        Assert.That(_sink.Bars, Is.EqualTo(new[]
        {
            new AlpacaBar(AlpacaTestData.Spy, false, 3_889_850, 3_891_300, 3_889_750, 3_891_200, 49_378, AlpacaTestData.UnixNs(2021, 2, 22, 19, 15, 0)),
            new AlpacaBar(AlpacaTestData.Spy, true, 3_889_850, 3_891_300, 3_889_750, 3_891_200, 749_378, AlpacaTestData.UnixNs(2021, 2, 16, 4, 0, 0)),
        }));
        Assert.That(_decoder.MinuteBars, Is.EqualTo(1));
        Assert.That(_decoder.DailyBars, Is.EqualTo(1));
    }

    [Test]
    public void Decode_DocumentedHalt_PublishesHalted()
    {
        Decode(AlpacaTestData.Halt);

        var status = _sink.Events.Single();
        Assert.That(status.Kind, Is.EqualTo(MarketDataKind.TradingStatus));
        Assert.That(status.InstrumentId, Is.EqualTo(AlpacaTestData.Aapl));
        Assert.That((TradingStatus)status.Status, Is.EqualTo(TradingStatus.Halted));
        Assert.That(status.TsEventNs, Is.EqualTo(AlpacaTestData.UnixNs(2021, 2, 22, 19, 15, 0)));
    }

    [TestCase("H", "T12", TradingStatus.Halted)]
    [TestCase("Q", "", TradingStatus.QuotingOnly)]
    [TestCase("T", "", TradingStatus.Trading)]
    [TestCase("P", "LUDP", TradingStatus.Paused)]
    [TestCase("2", "D", TradingStatus.Halted)]
    [TestCase("2", "M", TradingStatus.Paused)]
    [TestCase("3", "", TradingStatus.Trading)]
    [TestCase("F", "", TradingStatus.Unknown)]
    [TestCase("7", "", TradingStatus.Unknown)]
    public void MapStatus_EachDocumentedCode_GivesItsTradingState(string statusCode, string reasonCode, TradingStatus expected)
    {
        Assert.That(AlpacaMessageDecoder.MapStatus(Encoding.ASCII.GetBytes(statusCode), Encoding.ASCII.GetBytes(reasonCode)), Is.EqualTo(expected));
    }

    [Test]
    public void Decode_StatusThatSetsNoTradingState_IsCountedNotPublished()
    {
        Decode("""[{"T":"s","S":"AAPL","sc":"E","sm":"Short Sale Restriction","rc":"","rm":"","t":"2021-02-22T19:15:00Z","z":"A"}]""");

        Assert.That(_sink.Events, Is.Empty);
        Assert.That(_decoder.StatusesIgnored, Is.EqualTo(1));
    }

    [TestCase("""[{"T":"success","msg":"connected"}]""", AlpacaControlKind.Connected, 0)]
    [TestCase("""[{"T":"success","msg":"authenticated"}]""", AlpacaControlKind.Authenticated, 0)]
    [TestCase("""[{"T":"subscription","trades":["AAPL"],"quotes":["AMD","CLDR"],"bars":["*"]}]""", AlpacaControlKind.Subscription, 0)]
    [TestCase("""[{"T":"error","code":406,"msg":"connection limit exceeded"}]""", AlpacaControlKind.Error, 406)]
    public void Decode_ControlMessage_IsReturnedToTheSession(string frame, AlpacaControlKind kind, int code)
    {
        var result = Decode(frame);

        Assert.That(result.Control, Is.EqualTo(kind));
        Assert.That(result.ErrorCode, Is.EqualTo(code));
        Assert.That(_sink.Events, Is.Empty);
    }

    [Test]
    public void Decode_UnknownSymbol_IsCountedAndSkipped_AndTheRestOfTheFrameDecoded()
    {
        var result = Decode("""[{"T":"t","S":"TSLA","p":1,"s":1,"t":"2021-02-22T15:51:44Z"},{"T":"t","S":"AAPL","p":2,"s":3,"t":"2021-02-22T15:51:44Z"}]""");

        Assert.That(result.Events, Is.EqualTo(1));
        Assert.That(result.Rejected, Is.EqualTo(1));
        Assert.That(_decoder.UnknownSymbols, Is.EqualTo(1));
        Assert.That(_sink.Events.Single().PriceTicks, Is.EqualTo(20_000));
    }

    [TestCase("""[{"T":"u","S":"AAPL"}]""")]
    [TestCase("""[{"T":"success","msg":"something new"}]""")]
    [TestCase("""[{"S":"AAPL","p":1}]""")]
    public void Decode_UnknownType_IsCounted(string frame)
    {
        var result = Decode(frame);

        Assert.That(result.Rejected, Is.EqualTo(1));
        Assert.That(_decoder.UnknownTypes, Is.EqualTo(1));
    }

    [TestCase("""[{"T":"t","S":"AAPL","s":1,"t":"2021-02-22T15:51:44Z"}]""")]
    [TestCase("""[{"T":"t","S":"AAPL","p":"126.55","s":1,"t":"2021-02-22T15:51:44Z"}]""")]
    [TestCase("""[{"T":"t","S":"AAPL","p":126.55,"s":1.5,"t":"2021-02-22T15:51:44Z"}]""")]
    [TestCase("""[{"T":"t","S":"AAPL","p":126.55,"s":1,"t":"2021-02-30T15:51:44Z"}]""")]
    [TestCase("""[{"T":"q","S":"AMD","bp":87.66,"bs":1,"ap":87.68,"t":"2021-02-22T15:51:45Z"}]""")]
    [TestCase("""[{"T":"t","S":"AAPL","p":1e400,"s":1,"t":"2021-02-22T15:51:44Z"}]""")]
    [TestCase("""[{"T":"error","code":"402"}]""")]
    [TestCase("""[17]""")]
    public void Decode_MalformedObject_IsCountedAndSkipped(string frame)
    {
        var result = Decode(frame);

        Assert.That(result.Events, Is.Zero);
        Assert.That(result.Rejected, Is.EqualTo(1));
        Assert.That(_decoder.MalformedObjects, Is.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("{\"T\":\"t\"}")]
    [TestCase("[{\"T\":\"t\",")]
    [TestCase("[{\"T\":\"q\"}] trailing")]
    [TestCase("not json")]
    public void Decode_FrameThatIsNotAJsonArray_IsCountedAndTheNextFrameDecodes(string frame)
    {
        var bad = Decode(frame);
        var good = Decode(AlpacaTestData.Trade);

        Assert.That(bad.Malformed, Is.True);
        Assert.That(_decoder.MalformedFrames, Is.EqualTo(1));
        Assert.That(good.Events, Is.EqualTo(1));
    }

    [Test]
    public void Decode_EscapedStrings_AreUnescaped()
    {
        Decode("""[{"T":"\u0074","S":"AAP\u004C","p":1.5,"s":2,"t":"2021-02-22T15:51:44\u002E5Z"}]""");

        var trade = _sink.Events.Single();
        Assert.That(trade.InstrumentId, Is.EqualTo(AlpacaTestData.Aapl));
        Assert.That(trade.TsEventNs, Is.EqualTo(AlpacaTestData.UnixNs(2021, 2, 22, 15, 51, 44, 500_000_000)));
    }

    [Test]
    public void Decode_PriceFinerThanTheScale_IsRoundedAndCounted()
    {
        Decode("""[{"T":"t","S":"AAPL","p":126.55005,"s":1,"t":"2021-02-22T15:51:44Z"}]""");

        Assert.That(_sink.Events.Single().PriceTicks, Is.EqualTo(1_265_501));
        Assert.That(_decoder.PricesRounded, Is.EqualTo(1));
    }

    [Test]
    public void Decode_WarmedUp_AllocatesNothing()
    {
        var sink = new CountingSink();
        var decoder = new AlpacaMessageDecoder(AlpacaTestData.Instruments(), sink);
        byte[][] frames = [.. new[] { AlpacaTestData.Trade, AlpacaTestData.ThreeQuotes, AlpacaTestData.MinuteBar, AlpacaTestData.Halt, "[{\"T\":\"t\",\"S\":\"AAP\\u004C\",\"p\":1,\"s\":1,\"t\":\"2021-02-22T15:51:44Z\"}]", "[{bad" }.Select(Encoding.UTF8.GetBytes)];
        foreach (byte[] frame in frames)
        {
            decoder.Decode(frame, 0);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            for (int f = 0; f < frames.Length - 1; f++)
            {
                decoder.Decode(frames[f], i);
            }
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(sink.Count, Is.EqualTo(1_001 * 6));
    }

    [Test]
    public void Decode_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 512].Sample(bytes =>
        {
            var decoder = new AlpacaMessageDecoder(AlpacaTestData.Instruments(), new ConcurrentRecordingSink());
            decoder.Decode(bytes, 0);
        }, iter: 20_000);
    }

    [Test]
    public void Decode_EveryTruncationOfValidFrames_NeverThrowsAndCountsTheFrameMalformed()
    {
        string[] frames = [AlpacaTestData.Trade, AlpacaTestData.ThreeQuotes, AlpacaTestData.MinuteBar, AlpacaTestData.DailyBar, AlpacaTestData.Halt];
        foreach (string frame in frames)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(frame);
            for (int length = 0; length < bytes.Length; length++)
            {
                var result = _decoder.Decode(bytes.AsSpan(0, length), 0);
                Assert.That(result.Malformed, Is.True, $"{frame[..length]} decoded as a whole frame");
            }
        }
    }

    [Test]
    public void Decode_ValidFramesWithRandomByteChanges_NeverThrows()
    {
        byte[][] frames = [.. new[] { AlpacaTestData.Trade, AlpacaTestData.ThreeQuotes, AlpacaTestData.MinuteBar, AlpacaTestData.Halt }.Select(Encoding.UTF8.GetBytes)];
        var mutation = Gen.Select(Gen.Int[0, frames.Length - 1], Gen.Int[0, 1_000], Gen.Byte, Gen.Int[1, 4]);
        mutation.Sample((frame, position, value, changes) =>
        {
            byte[] bytes = (byte[])frames[frame].Clone();
            for (int i = 0; i < changes; i++)
            {
                bytes[(position + (i * 7)) % bytes.Length] = value;
            }
            var decoder = new AlpacaMessageDecoder(AlpacaTestData.Instruments(), new ConcurrentRecordingSink());
            decoder.Decode(bytes, 0);
        }, iter: 20_000);
    }

    [Test]
    public void Decode_RandomJsonTokenSoup_NeverThrows()
    {
        string[] tokens = ["[", "]", "{", "}", ",", ":", "\"T\"", "\"t\"", "\"q\"", "\"s\"", "\"S\"", "\"AAPL\"", "\"p\"", "1.5", "-0", "1e999", "\"bp\"", "\"c\"", "null", "true", "\"2021-02-22T15:51:44Z\""];
        Gen.Int[0, tokens.Length - 1].Array[0, 60].Sample(picks =>
        {
            var decoder = new AlpacaMessageDecoder(AlpacaTestData.Instruments(), new ConcurrentRecordingSink());
            decoder.Decode(Encoding.UTF8.GetBytes(string.Concat(picks.Select(i => tokens[i]))), 0);
        }, iter: 20_000);
    }

    private sealed class CountingSink : IMarketDataSink
    {
        public int Count { get; private set; }

        public void Publish(in MarketDataEvent marketEvent) => Count++;
    }
}
