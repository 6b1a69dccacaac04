using Engine.Tests.Support;
using CsCheck;
using Engine.Tests.Feeds.Synthetic;
using Feeds;
using Feeds.Instruments;
using Feeds.Itch;

namespace Engine.Tests.Feeds.Itch;

public sealed class ItchDecoderTests
{
    private const ushort Locate = 7;

    private InstrumentTable _instruments = null!;
    private RecordingSink _sink = null!;
    private RecordingListener _listener = null!;
    private ItchDecoder _decoder = null!;

    [SetUp]
    public void SetUp()
    {
        _instruments = new InstrumentTable(16);
        _sink = new RecordingSink();
        _listener = new RecordingListener();
        _decoder = new ItchDecoder(_instruments, _sink, _listener);
    }

    private int Bind(string stock = "MSFT")
    {
        Assert.That(_decoder.Decode(ItchMessageBuilder.Directory(Locate, stock), 0, 0), Is.EqualTo(ItchDecodeStatus.Decoded));
        return _decoder.InstrumentOf(Locate);
    }

    private MarketDataEvent DecodeOne(byte[] message, long sequence = 0, long tsRecvNs = 0)
    {
        Assert.That(_decoder.Decode(message, sequence, tsRecvNs), Is.EqualTo(ItchDecodeStatus.Decoded));
        Assert.That(_sink.Events, Is.Not.Empty);
        return _sink.Events[^1];
    }

    [Test]
    public void Decode_StockDirectory_RegistersTheSymbolAndBindsTheLocate()
    {
        int id = Bind("AAPL");

        Assert.That(id, Is.EqualTo(0));
        Assert.That(_instruments[id].Symbol, Is.EqualTo("AAPL"));
        Assert.That(_instruments[id].PriceDecimals, Is.EqualTo(4));
        Assert.That(_instruments[id].Venue, Is.EqualTo("NASDAQ"));
        Assert.That(_sink.Events, Is.Empty);
    }

    [Test]
    public void Decode_AddOrder_PublishesAddWithSideQuantityPriceAndHeaderFields()
    {
        int id = Bind();
        var e = DecodeOne(ItchMessageBuilder.AddOrder(Locate, 42, 'S', 300, "MSFT", 1_234_500, timestampNs: 0xABCD_1234_5678), sequence: 9, tsRecvNs: 77);

        Assert.That(e.Kind, Is.EqualTo(MarketDataKind.Add));
        Assert.That(e.InstrumentId, Is.EqualTo(id));
        Assert.That(e.OrderId, Is.EqualTo(42));
        Assert.That(e.Side, Is.EqualTo(Side.Sell));
        Assert.That(e.Quantity, Is.EqualTo(300));
        Assert.That(e.PriceTicks, Is.EqualTo(1_234_500));
        Assert.That(e.TsEventNs, Is.EqualTo(0xABCD_1234_5678));
        Assert.That(e.Sequence, Is.EqualTo(9));
        Assert.That(e.TsRecvNs, Is.EqualTo(77));
        Assert.That(e.EndOfMessage, Is.True);
    }

    [Test]
    public void Decode_AddOrderWithMpid_PublishesAddAndShowsTheAttribution()
    {
        Bind();
        var message = new ItchMessageBuilder(ItchMessageType.AddOrderWithMpid, Locate)
            .U64(ItchLayout.AddOrder.OrderReference, 5).Char(ItchLayout.AddOrder.Side, 'B').U32(ItchLayout.AddOrder.Shares, 100)
            .Alpha(ItchLayout.AddOrder.Stock, "MSFT").U32(ItchLayout.AddOrder.Price, 500).Alpha(ItchLayout.AddOrder.Attribution, "GSCO", 4).Bytes;

        var e = DecodeOne(message);

        Assert.That((e.Kind, e.OrderId, e.Side, e.Quantity, e.PriceTicks), Is.EqualTo((MarketDataKind.Add, 5L, Side.Buy, 100L, 500L)));
        var seen = new ItchMessageReader(_listener.Messages[^1].Bytes);
        Assert.That(seen.Alpha(ItchLayout.AddOrder.Attribution, 4).ToArray(), Is.EqualTo("GSCO"u8.ToArray()));
    }

    [Test]
    public void Decode_OrderExecuted_PublishesExecuteWithoutPrice()
    {
        Bind();
        var e = DecodeOne(new ItchMessageBuilder(ItchMessageType.OrderExecuted, Locate)
            .U64(ItchLayout.OrderExecuted.OrderReference, 11).U32(ItchLayout.OrderExecuted.ExecutedShares, 25).U64(ItchLayout.OrderExecuted.MatchNumber, 99).Bytes);

        Assert.That((e.Kind, e.OrderId, e.Quantity, e.PriceTicks), Is.EqualTo((MarketDataKind.Execute, 11L, 25L, 0L)));
    }

    [Test]
    public void Decode_OrderExecutedWithPrice_PublishesExecuteWithTheExecutionPrice()
    {
        Bind();
        var e = DecodeOne(new ItchMessageBuilder(ItchMessageType.OrderExecutedWithPrice, Locate)
            .U64(ItchLayout.OrderExecuted.OrderReference, 11).U32(ItchLayout.OrderExecuted.ExecutedShares, 25)
            .Char(ItchLayout.OrderExecuted.Printable, 'Y').U32(ItchLayout.OrderExecuted.ExecutionPrice, 224_800).Bytes);

        Assert.That((e.Kind, e.OrderId, e.Quantity, e.PriceTicks), Is.EqualTo((MarketDataKind.Execute, 11L, 25L, 224_800L)));
    }

    [Test]
    public void Decode_OrderCancel_PublishesCancelOfTheCancelledShares()
    {
        Bind();
        var e = DecodeOne(new ItchMessageBuilder(ItchMessageType.OrderCancel, Locate)
            .U64(ItchLayout.OrderCancel.OrderReference, 12).U32(ItchLayout.OrderCancel.CancelledShares, 40).Bytes);

        Assert.That((e.Kind, e.OrderId, e.Quantity), Is.EqualTo((MarketDataKind.Cancel, 12L, 40L)));
    }

    [Test]
    public void Decode_OrderDelete_PublishesDelete()
    {
        Bind();
        var e = DecodeOne(ItchMessageBuilder.Delete(Locate, 13));

        Assert.That((e.Kind, e.OrderId, e.Quantity), Is.EqualTo((MarketDataKind.Delete, 13L, 0L)));
    }

    [Test]
    public void Decode_OrderReplace_PublishesReplaceWithTheNewOrder()
    {
        Bind();
        var e = DecodeOne(new ItchMessageBuilder(ItchMessageType.OrderReplace, Locate)
            .U64(ItchLayout.OrderReplace.OriginalOrderReference, 14).U64(ItchLayout.OrderReplace.NewOrderReference, 15)
            .U32(ItchLayout.OrderReplace.Shares, 200).U32(ItchLayout.OrderReplace.Price, 1_062_600).Bytes);

        Assert.That((e.Kind, e.OrderId, e.NewOrderId, e.Quantity, e.PriceTicks), Is.EqualTo((MarketDataKind.Replace, 14L, 15L, 200L, 1_062_600L)));
    }

    [TestCase('B', Side.Sell)]
    [TestCase('S', Side.Buy)]
    public void Decode_Trade_PublishesTradeWithTheAggressorOppositeTheRestingOrder(char restingSide, Side aggressor)
    {
        int id = Bind();
        var e = DecodeOne(new ItchMessageBuilder(ItchMessageType.Trade, Locate)
            .Char(ItchLayout.Trade.Side, restingSide).U32(ItchLayout.Trade.Shares, 100).Alpha(ItchLayout.Trade.Stock, "MSFT")
            .U32(ItchLayout.Trade.Price, 1_284_600).U64(ItchLayout.Trade.MatchNumber, 255_554).Bytes);

        Assert.That((e.Kind, e.InstrumentId, e.Side, e.Quantity, e.PriceTicks, e.OrderId), Is.EqualTo((MarketDataKind.Trade, id, aggressor, 100L, 1_284_600L, 255_554L)));
    }

    [Test]
    public void Decode_CrossTrade_PublishesTradeWithoutSideAndWith64BitShares()
    {
        Bind();
        var e = DecodeOne(new ItchMessageBuilder(ItchMessageType.CrossTrade, Locate)
            .U64(ItchLayout.CrossTrade.Shares, 5_000_000_000).Alpha(ItchLayout.CrossTrade.Stock, "MSFT")
            .U32(ItchLayout.CrossTrade.CrossPrice, 777).U64(ItchLayout.CrossTrade.MatchNumber, 3).Char(ItchLayout.CrossTrade.CrossType, 'O').Bytes);

        Assert.That((e.Kind, e.Side, e.Quantity, e.PriceTicks, e.OrderId), Is.EqualTo((MarketDataKind.Trade, Side.None, 5_000_000_000L, 777L, 3L)));
    }

    [TestCase('H', TradingStatus.Halted)]
    [TestCase('P', TradingStatus.Paused)]
    [TestCase('Q', TradingStatus.QuotingOnly)]
    [TestCase('T', TradingStatus.Trading)]
    public void Decode_StockTradingAction_PublishesTradingStatus(char state, TradingStatus expected)
    {
        int id = Bind();
        var e = DecodeOne(new ItchMessageBuilder(ItchMessageType.StockTradingAction, Locate)
            .Alpha(ItchLayout.StockTradingAction.Stock, "MSFT").Char(ItchLayout.StockTradingAction.TradingState, state).Bytes);

        Assert.That((e.Kind, e.InstrumentId, (TradingStatus)e.Status), Is.EqualTo((MarketDataKind.TradingStatus, id, expected)));
    }

    [Test]
    public void Decode_AddOrderBeforeItsDirectory_BindsTheLocateFromTheSymbol()
    {
        var e = DecodeOne(ItchMessageBuilder.AddOrder(Locate, 1, 'B', 100, "NEW", 100));

        Assert.That(_instruments[e.InstrumentId].Symbol, Is.EqualTo("NEW"));
        Assert.That(_decoder.InstrumentOf(Locate), Is.EqualTo(e.InstrumentId));
    }

    [Test]
    public void Decode_OrderUpdateOnAnUnboundLocate_CountsItByTypeButPublishesNothing()
    {
        var status = _decoder.Decode(ItchMessageBuilder.Delete(Locate, 1), 0, 0);

        Assert.That(status, Is.EqualTo(ItchDecodeStatus.UnboundLocate));
        Assert.That(_sink.Events, Is.Empty);
        Assert.That(_decoder.Counters.OfType(ItchMessageType.OrderDelete), Is.EqualTo(1));
        Assert.That(_decoder.Counters.Malformed, Is.Zero);
        Assert.That(_listener.Messages[0].InstrumentId, Is.EqualTo(ItchDecoder.NoInstrument));
    }

    [Test]
    public void Decode_SecondDirectoryForALocate_RebindsIt()
    {
        Bind("OLD");
        int id = Bind("NEW");

        Assert.That(_instruments[id].Symbol, Is.EqualTo("NEW"));
    }

    [Test]
    public void Decode_FullInstrumentTable_ReturnsInstrumentTableFull()
    {
        var decoder = new ItchDecoder(new InstrumentTable(1), _sink);
        decoder.Decode(ItchMessageBuilder.Directory(1, "ONE"), 0, 0);

        var status = decoder.Decode(ItchMessageBuilder.AddOrder(2, 1, 'B', 1, "TWO", 1), 0, 0);

        Assert.That(status, Is.EqualTo(ItchDecodeStatus.InstrumentTableFull));
        Assert.That(_sink.Events, Is.Empty);
    }

    [Test]
    public void Decode_UnknownTypeByte_ReturnsUnknownTypeAndCountsItMalformed()
    {
        var status = _decoder.Decode("Z0123456789"u8, 0, 0);

        Assert.That(status, Is.EqualTo(ItchDecodeStatus.UnknownType));
        Assert.That(_decoder.Counters.Malformed, Is.EqualTo(1));
        Assert.That(_decoder.Counters.Decoded, Is.Zero);
        Assert.That(_listener.Messages, Is.Empty);
    }

    [Test]
    public void Decode_EmptyMessage_ReturnsUnknownType()
    {
        Assert.That(_decoder.Decode([], 0, 0), Is.EqualTo(ItchDecodeStatus.UnknownType));
    }

    [TestCase(-1)]
    [TestCase(1)]
    public void Decode_LengthOtherThanTheTypes_ReturnsWrongLength(int delta)
    {
        var message = ItchMessageBuilder.AddOrder(Locate, 1, 'B', 1, "MSFT", 1);
        var resized = new byte[message.Length + delta];
        message.AsSpan(0, Math.Min(message.Length, resized.Length)).CopyTo(resized);

        Assert.That(_decoder.Decode(resized, 0, 0), Is.EqualTo(ItchDecodeStatus.WrongLength));
        Assert.That(_sink.Events, Is.Empty);
    }

    [Test]
    public void Decode_AddOrderWithASideOtherThanBOrS_ReturnsInvalidField()
    {
        Assert.That(_decoder.Decode(ItchMessageBuilder.AddOrder(Locate, 1, 'X', 1, "MSFT", 1), 0, 0), Is.EqualTo(ItchDecodeStatus.InvalidField));
        Assert.That(_sink.Events, Is.Empty);
    }

    [Test]
    public void Decode_DirectoryWithABlankSymbol_ReturnsInvalidField()
    {
        Assert.That(_decoder.Decode(ItchMessageBuilder.Directory(Locate, ""), 0, 0), Is.EqualTo(ItchDecodeStatus.InvalidField));
        Assert.That(_instruments.Count, Is.Zero);
    }

    [Test]
    public void Decode_TradingActionWithAnUnknownState_ReturnsInvalidField()
    {
        var message = new ItchMessageBuilder(ItchMessageType.StockTradingAction, Locate)
            .Alpha(ItchLayout.StockTradingAction.Stock, "MSFT").Char(ItchLayout.StockTradingAction.TradingState, 'Z').Bytes;

        Assert.That(_decoder.Decode(message, 0, 0), Is.EqualTo(ItchDecodeStatus.InvalidField));
    }

    [Test]
    public void Decode_EveryMessageType_IsCountedAndShownToTheListenerWithItsLength()
    {
        Bind();
        foreach (var type in Enum.GetValues<ItchMessageType>())
        {
            var message = ValidMessage(type);
            Assert.That(_decoder.Decode(message, 3, 0), Is.EqualTo(ItchDecodeStatus.Decoded), type.ToString);
            Assert.That(_listener.Messages[^1].Bytes, Has.Length.EqualTo(ItchLayout.MessageLength((byte)type)));
            Assert.That(_listener.Messages[^1].Sequence, Is.EqualTo(3));
        }
        foreach (var type in Enum.GetValues<ItchMessageType>())
        {
            long expected = type == ItchMessageType.StockDirectory ? 2 : 1;
            Assert.That(_decoder.Counters.OfType(type), Is.EqualTo(expected), type.ToString);
        }
        Assert.That(Enum.GetValues<ItchMessageType>(), Has.Length.EqualTo(23));
    }

    private static byte[] ValidMessage(ItchMessageType type)
    {
        var builder = new ItchMessageBuilder(type, Locate);
        return type switch
        {
            ItchMessageType.StockDirectory => ItchMessageBuilder.Directory(Locate, "MSFT"),
            ItchMessageType.AddOrder or ItchMessageType.AddOrderWithMpid =>
                builder.Char(ItchLayout.AddOrder.Side, 'B').Alpha(ItchLayout.AddOrder.Stock, "MSFT").Bytes,
            ItchMessageType.Trade => builder.Char(ItchLayout.Trade.Side, 'S').Alpha(ItchLayout.Trade.Stock, "MSFT").Bytes,
            ItchMessageType.StockTradingAction => builder.Char(ItchLayout.StockTradingAction.TradingState, 'T').Alpha(ItchLayout.StockTradingAction.Stock, "MSFT").Bytes,
            ItchMessageType.CrossTrade => builder.Alpha(ItchLayout.CrossTrade.Stock, "MSFT").Bytes,
            _ => builder.Bytes,
        };
    }

    [Test]
    public void Decode_AddOrderRoundTrip_GivesBackEveryFieldWritten()
    {
        var fields = Gen.Select(Gen.ULong[0, long.MaxValue], Gen.Bool, Gen.UInt, Gen.UInt, Gen.Long[0, (1L << 48) - 1]);
        fields.Sample((orderRef, buy, shares, price, timestamp) =>
        {
            var sink = new RecordingSink();
            var decoder = new ItchDecoder(new InstrumentTable(4), sink);
            decoder.Decode(ItchMessageBuilder.AddOrder(3, orderRef, buy ? 'B' : 'S', shares, "RT", price, timestamp), 0, 0);
            var e = sink.Events.Single();
            return e.OrderId == (long)orderRef && e.Side == (buy ? Side.Buy : Side.Sell) && e.Quantity == shares
                && e.PriceTicks == price && e.TsEventNs == timestamp;
        });
    }

    [Test]
    public void Decode_RandomBytes_NeverThrowsAndCountsEveryCall()
    {
        FuzzGuard.AssertCompletes(() =>
        {
            Gen.Byte.Array[0, 60].Sample(bytes =>
            {
                var decoder = new ItchDecoder(new InstrumentTable(4), new RecordingSink());
                decoder.Decode(bytes, 0, 0);
                return decoder.Counters.Decoded + decoder.Counters.Malformed == 1;
            });
        });
    }

    [Test]
    public void Decode_RandomBodiesOfEveryType_NeverThrow()
    {
        FuzzGuard.AssertCompletes(() =>
        {
            var types = Gen.OneOf(Enum.GetValues<ItchMessageType>());
            Gen.Select(types, Gen.Byte.Array[ItchLayout.MaxMessageLength]).Sample((type, body) =>
            {
                var message = body.AsSpan(0, ItchLayout.MessageLength((byte)type)).ToArray();
                message[0] = (byte)type;
                var decoder = new ItchDecoder(new InstrumentTable(4), new RecordingSink());
                var status = decoder.Decode(message, 0, 0);
                return status != ItchDecodeStatus.UnknownType && status != ItchDecodeStatus.WrongLength;
            });
        });
    }

    [Test]
    public void Decode_TruncationsOfRealMessages_AreWrongLengthNeverAThrow()
    {
        var add = ItchMessageBuilder.AddOrder(Locate, 1, 'B', 1, "MSFT", 1);
        for (int length = 1; length < add.Length; length++)
        {
            Assert.That(_decoder.Decode(add.AsSpan(0, length), 0, 0), Is.EqualTo(ItchDecodeStatus.WrongLength));
        }
    }
}
