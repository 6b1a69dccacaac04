using System.Text;
using Engine.Tests.Feeds.Itch;
using Engine.Tests.Feeds.Synthetic;
using Engine.Tests.Support;
using Feeds;
using Feeds.Instruments;
using Feeds.Itch;
using Feeds.MoldUdp;
using Feeds.Pcap;

namespace Engine.Tests.Oracles;

/// <summary>
/// The Open Markets Initiative captures: real Nasdaq ITCH 5.0 messages in MoldUDP64 in nanosecond
/// pcap files (Ethernet, 802.1Q, IPv4, UDP). Each decodes to its message type and length, and the
/// first message of each to the field values read off its bytes.
/// </summary>
public sealed class OmiPcapOracleTests
{
    private sealed record Capture(IReadOnlyList<byte[]> Messages, RecordingSink Sink, PcapReadStatus Status, ItchDecoder Decoder, PcapMoldUdp64Feed Feed);

    private static string PcapPath(string name) => Path.Combine(RepositoryPaths.Root(), "testdata", "itch50", "omi-pcap", name + ".pcap");

    /// <summary>Reads a capture through the pipe; with <paramref name="bindLocates"/>, a first pass learns its locates and a Stock Directory binds each before the real pass.</summary>
    private static Capture Read(string name, bool bindLocates = false)
    {
        var instruments = new InstrumentTable(64);
        var sink = new RecordingSink();
        var listener = new RecordingListener();
        var decoder = new ItchDecoder(instruments, sink, listener);
        if (bindLocates)
        {
            foreach (ushort locate in Read(name).Messages.Select(m => new ItchMessageReader(m).StockLocate).Distinct())
            {
                decoder.Decode(ItchMessageBuilder.Directory(locate, $"L{locate}"), 0, 0);
            }
        }
        int binds = listener.Messages.Count;
        var feed = new PcapMoldUdp64Feed(new MoldUdp64Session(decoder, sink));
        var task = new PcapFileReader(feed).ReadFileAsync(PcapPath(name), CancellationToken.None);
        Assert.That(task.Wait(TestTimeouts.Join), Is.True);
        return new Capture(listener.Messages.Skip(binds).Select(m => m.Bytes).ToList(), sink, task.Result, decoder, feed);
    }

    private static ItchMessageReader First(Capture capture) => new(capture.Messages[0]);

    private static string Text(ReadOnlySpan<byte> alpha) => Encoding.ASCII.GetString(alpha).TrimEnd();

    [TestCase("AddOrderNoMPID", 'A', 36, 5)]
    [TestCase("AddOrderWithMPID", 'F', 40, 5)]
    [TestCase("CrossTrade", 'Q', 40, 5)]
    [TestCase("LULDAuctionCollar", 'J', 35, 5)]
    [TestCase("MarketParticipantPosition", 'L', 26, 5)]
    [TestCase("NetOrderImbalanceIndicator", 'I', 50, 5)]
    [TestCase("NonCrossTrade", 'P', 44, 5)]
    [TestCase("OrderCancel", 'X', 23, 5)]
    [TestCase("OrderDelete", 'D', 19, 5)]
    [TestCase("OrderExecuted", 'E', 31, 5)]
    [TestCase("OrderExecutedWithPrice", 'C', 36, 5)]
    [TestCase("OrderReplace", 'U', 35, 5)]
    [TestCase("RegSHORestriction", 'Y', 20, 5)]
    [TestCase("StockTradingAction", 'H', 25, 5)]
    [TestCase("SystemEvent", 'S', 12, 1)]
    public void Read_OmiCapture_DecodesEveryMessageAsItsTypeAndLength(string name, char type, int length, int count)
    {
        var capture = Read(name);

        Assert.That(capture.Status, Is.EqualTo(PcapReadStatus.Completed));
        Assert.That(capture.Feed.Frames, Is.EqualTo(count));
        Assert.That(capture.Messages, Has.Count.EqualTo(count));
        Assert.That(capture.Messages.All(m => m[0] == type && m.Length == length), Is.True);
        Assert.That(capture.Decoder.Counters.OfType((ItchMessageType)type), Is.EqualTo(count));
        Assert.That(capture.Decoder.Counters.Malformed, Is.Zero);
        // Every timestamp is a time of the trading day (ns since midnight), around 09:30.
        Assert.That(capture.Messages.Select(m => new ItchMessageReader(m).TimestampNs), Has.All.InRange(9L * 3600 * 1_000_000_000, 10L * 3600 * 1_000_000_000));
    }

    [Test]
    public void Read_AddOrderNoMpid_FirstIsABuyOf1600IvooAt87_39()
    {
        var capture = Read("AddOrderNoMPID");
        var m = First(capture);

        Assert.That((m.StockLocate, m.TrackingNumber, m.TimestampNs), Is.EqualTo(((ushort)5528, (ushort)0, 34_199_999_894_278L)));
        Assert.That(m.UInt64(ItchLayout.AddOrder.OrderReference), Is.EqualTo(23_508_286UL));
        Assert.That(Text(m.Stock(ItchLayout.AddOrder.Stock)), Is.EqualTo("IVOO"));
        var e = capture.Sink.Events[0];
        Assert.That((e.Kind, e.Side, e.Quantity, e.PriceTicks, e.OrderId), Is.EqualTo((MarketDataKind.Add, Side.Buy, 1600L, 873_900L, 23_508_286L)));
    }

    [Test]
    public void Read_AddOrderWithMpid_FirstIsASellOf100CasyAt255_52ByFltu()
    {
        var capture = Read("AddOrderWithMPID");
        var m = First(capture);

        Assert.That(m.StockLocate, Is.EqualTo(1738));
        Assert.That(Text(m.Stock(ItchLayout.AddOrder.Stock)), Is.EqualTo("CASY"));
        Assert.That(Text(m.Alpha(ItchLayout.AddOrder.Attribution, 4)), Is.EqualTo("FLTU"));
        var e = capture.Sink.Events[0];
        Assert.That((e.Kind, e.Side, e.Quantity, e.PriceTicks, e.OrderId), Is.EqualTo((MarketDataKind.Add, Side.Sell, 100L, 2_555_200L, 18_923_125L)));
    }

    [Test]
    public void Read_CrossTrade_FirstIsAnOpeningCrossOfBacQ()
    {
        var capture = Read("CrossTrade");
        var m = First(capture);

        Assert.That((m.StockLocate, m.TrackingNumber), Is.EqualTo(((ushort)983, (ushort)1)));
        Assert.That(Text(m.Stock(ItchLayout.CrossTrade.Stock)), Is.EqualTo("BAC-Q"));
        Assert.That(m.Char(ItchLayout.CrossTrade.CrossType), Is.EqualTo((byte)'O'));
        var e = capture.Sink.Events[0];
        Assert.That((e.Kind, e.Side, e.Quantity, e.PriceTicks, e.OrderId), Is.EqualTo((MarketDataKind.Trade, Side.None, 0L, 0L, 255_550L)));
    }

    [Test]
    public void Read_LuldAuctionCollar_FirstHasItsCollarsAroundTheReferencePrice()
    {
        var m = First(Read("LULDAuctionCollar"));

        Assert.That(Text(m.Stock(ItchLayout.LuldAuctionCollar.Stock)), Is.EqualTo("ZXZZT"));
        Assert.That(m.PriceTicks(ItchLayout.LuldAuctionCollar.ReferencePrice), Is.EqualTo(133_400));
        Assert.That(m.PriceTicks(ItchLayout.LuldAuctionCollar.UpperCollarPrice), Is.EqualTo(140_100));
        Assert.That(m.PriceTicks(ItchLayout.LuldAuctionCollar.LowerCollarPrice), Is.EqualTo(109_200));
        Assert.That(m.UInt32(ItchLayout.LuldAuctionCollar.Extension), Is.Zero);
    }

    [Test]
    public void Read_MarketParticipantPosition_FirstIsMaxmInFdls()
    {
        var m = First(Read("MarketParticipantPosition"));

        Assert.That(Text(m.Alpha(ItchLayout.MarketParticipantPosition.Mpid, 4)), Is.EqualTo("MAXM"));
        Assert.That(Text(m.Stock(ItchLayout.MarketParticipantPosition.Stock)), Is.EqualTo("FDLS"));
        Assert.That((char)m.Char(ItchLayout.MarketParticipantPosition.PrimaryMarketMaker), Is.EqualTo('Y'));
        Assert.That((char)m.Char(ItchLayout.MarketParticipantPosition.MarketMakerMode), Is.EqualTo('N'));
        Assert.That((char)m.Char(ItchLayout.MarketParticipantPosition.ParticipantState), Is.EqualTo('A'));
    }

    [Test]
    public void Read_NetOrderImbalance_FirstIsAnOpeningImbalanceOfPftaw()
    {
        var m = First(Read("NetOrderImbalanceIndicator"));

        Assert.That(Text(m.Stock(ItchLayout.NetOrderImbalance.Stock)), Is.EqualTo("PFTAW"));
        Assert.That(m.UInt64(ItchLayout.NetOrderImbalance.PairedShares), Is.Zero);
        Assert.That((char)m.Char(ItchLayout.NetOrderImbalance.ImbalanceDirection), Is.EqualTo('O'));
        Assert.That((char)m.Char(ItchLayout.NetOrderImbalance.CrossType), Is.EqualTo('O'));
    }

    [Test]
    public void Read_NonCrossTrade_FirstIs100GooglAt128_46()
    {
        var capture = Read("NonCrossTrade");
        var m = First(capture);

        Assert.That((m.StockLocate, m.TrackingNumber, m.TimestampNs), Is.EqualTo(((ushort)4499, (ushort)2, 34_200_000_684_713L)));
        Assert.That(Text(m.Stock(ItchLayout.Trade.Stock)), Is.EqualTo("GOOGL"));
        var e = capture.Sink.Events[0];
        Assert.That((e.Kind, e.Side, e.Quantity, e.PriceTicks, e.OrderId), Is.EqualTo((MarketDataKind.Trade, Side.Sell, 100L, 1_284_600L, 255_554L)));
    }

    [Test]
    public void Read_OrderCancel_FirstCancels100Shares()
    {
        var capture = Read("OrderCancel", bindLocates: true);

        Assert.That(First(capture).StockLocate, Is.EqualTo(9413));
        var e = capture.Sink.Events[0];
        Assert.That((e.Kind, e.OrderId, e.Quantity), Is.EqualTo((MarketDataKind.Cancel, 33_823_232L, 100L)));
    }

    [Test]
    public void Read_OrderDelete_FirstDeletesItsOrder()
    {
        var capture = Read("OrderDelete", bindLocates: true);

        Assert.That((First(capture).StockLocate, First(capture).TimestampNs), Is.EqualTo(((ushort)3353, 34_199_999_889_645L)));
        var e = capture.Sink.Events[0];
        Assert.That((e.Kind, e.OrderId), Is.EqualTo((MarketDataKind.Delete, 23_442_714L)));
    }

    [Test]
    public void Read_OrderExecuted_FirstExecutes25Shares()
    {
        var capture = Read("OrderExecuted", bindLocates: true);
        var m = First(capture);

        Assert.That(m.UInt64(ItchLayout.OrderExecuted.MatchNumber), Is.EqualTo(255_547UL));
        var e = capture.Sink.Events[0];
        Assert.That((e.Kind, e.OrderId, e.Quantity, e.PriceTicks), Is.EqualTo((MarketDataKind.Execute, 23_499_418L, 25L, 0L)));
    }

    [Test]
    public void Read_OrderExecutedWithPrice_FirstExecutes4926SharesAt22_48NonPrintable()
    {
        var capture = Read("OrderExecutedWithPrice", bindLocates: true);
        var m = First(capture);

        Assert.That((char)m.Char(ItchLayout.OrderExecuted.Printable), Is.EqualTo('N'));
        Assert.That(m.UInt64(ItchLayout.OrderExecuted.MatchNumber), Is.EqualTo(255_581UL));
        var e = capture.Sink.Events[0];
        Assert.That((e.Kind, e.OrderId, e.Quantity, e.PriceTicks), Is.EqualTo((MarketDataKind.Execute, 19_993_566L, 4926L, 224_800L)));
    }

    [Test]
    public void Read_OrderReplace_FirstReplacesWith100At106_26()
    {
        var capture = Read("OrderReplace", bindLocates: true);

        var e = capture.Sink.Events[0];
        Assert.That((e.Kind, e.OrderId, e.NewOrderId, e.Quantity, e.PriceTicks), Is.EqualTo((MarketDataKind.Replace, 15_108_479L, 21_361_351L, 100L, 1_062_600L)));
    }

    [Test]
    public void Read_OrderUpdatesWithoutADirectory_AreCountedButPublishNothing()
    {
        var capture = Read("OrderDelete");

        Assert.That(capture.Decoder.Counters.WithStatus(ItchDecodeStatus.UnboundLocate), Is.EqualTo(5));
        Assert.That(capture.Sink.Events, Is.Empty);
    }

    [Test]
    public void Read_RegShoRestriction_FirstRestrictsSopa()
    {
        var m = First(Read("RegSHORestriction"));

        Assert.That((m.StockLocate, m.TimestampNs), Is.EqualTo(((ushort)9405, 34_200_116_533_431L)));
        Assert.That(Text(m.Stock(ItchLayout.RegShoRestriction.Stock)), Is.EqualTo("SOPA"));
        Assert.That((char)m.Char(ItchLayout.RegShoRestriction.Action), Is.EqualTo('1'));
    }

    [Test]
    public void Read_StockTradingAction_FirstPausesZxzztForLuld()
    {
        var capture = Read("StockTradingAction");
        var m = First(capture);

        Assert.That(Text(m.Stock(ItchLayout.StockTradingAction.Stock)), Is.EqualTo("ZXZZT"));
        Assert.That(Text(m.Alpha(ItchLayout.StockTradingAction.Reason, 4)), Is.EqualTo("LUDP"));
        var e = capture.Sink.Events[0];
        Assert.That((e.Kind, (TradingStatus)e.Status, e.TsEventNs), Is.EqualTo((MarketDataKind.TradingStatus, TradingStatus.Paused, 34_215_592_125_541L)));
    }

    [Test]
    public void Read_SystemEvent_IsStartOfMarketHours()
    {
        var m = First(Read("SystemEvent"));

        Assert.That((m.StockLocate, m.TimestampNs), Is.EqualTo(((ushort)0, 34_200_000_070_384L)));
        Assert.That((char)m.Char(ItchLayout.SystemEvent.EventCode), Is.EqualTo('Q'));
    }
}
