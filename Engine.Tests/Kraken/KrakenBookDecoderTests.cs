using System.Text;
using Feeds;
using Feeds.Instruments;
using Feeds.Kraken;

namespace Engine.Tests.Kraken;

public sealed class KrakenBookDecoderTests
{
    private const string Pair = "XBT/USD";

    private static readonly (string, string)[] s_asks = [("100.5", "1.00000000"), ("100.7", "2.50000000"), ("101.0", "0.10000000")];
    private static readonly (string, string)[] s_bids = [("100.2", "3.00000000"), ("100.1", "0.00100000"), ("99.0", "5.00000000")];

    private InstrumentTable _table = null!;
    private KrakenRecordingSink _sink = null!;
    private KrakenRecordingResubscriber _resubscriber = null!;
    private KrakenBookDecoder _decoder = null!;
    private KrakenReferenceBook _reference = null!;

    [SetUp]
    public void SetUp()
    {
        _table = new InstrumentTable(8);
        _sink = new KrakenRecordingSink();
        _resubscriber = new KrakenRecordingResubscriber();
        _decoder = new KrakenBookDecoder(_table, _sink, _resubscriber, new KrakenDecoderOptions { MaxDepth = 10, MaxLevelsPerMessage = 20 });
        _reference = new KrakenReferenceBook(10);
    }

    [Test]
    public void Decode_Snapshot_PublishesClearBookThenEveryLevelMarkingOnlyTheLast()
    {
        KrakenDecodeResult result = DecodeSnapshot();

        Assert.That(result.Kind, Is.EqualTo(KrakenMessageKind.Snapshot));
        Assert.That(result.Reason, Is.EqualTo(KrakenRejectReason.None));
        List<MarketDataEvent> events = _sink.Events;
        Assert.That(events, Has.Count.EqualTo(7));
        Assert.That(events[0].Kind, Is.EqualTo(MarketDataKind.ClearBook));
        Assert.That(events[0].Side, Is.EqualTo(Side.None));
        Assert.That(events.Skip(1).All(e => e.Kind == MarketDataKind.LevelSet && e.InstrumentId == result.InstrumentId), Is.True);
        Assert.That(events.Select(e => e.EndOfMessage), Is.EqualTo(new[] { false, false, false, false, false, false, true }));
        Assert.That(events[1], Is.EqualTo(Level(Side.Buy, 1002, 300_000_000, events[1])));
        Assert.That(events[4], Is.EqualTo(Level(Side.Sell, 1005, 100_000_000, events[4])));
        Assert.That(events[1].TsEventNs, Is.EqualTo(1_618_678_133_365_913_000));
        Assert.That(events[1].TsRecvNs, Is.EqualTo(77));
    }

    [Test]
    public void Decode_SnapshotOfNewPair_AddsItWithTheSnapshotsPriceDecimals()
    {
        KrakenDecodeResult result = DecodeSnapshot();

        Instrument instrument = _table[result.InstrumentId];
        Assert.That(instrument.Symbol, Is.EqualTo(Pair));
        Assert.That(instrument.PriceDecimals, Is.EqualTo(1));
        Assert.That(instrument.Venue, Is.EqualTo("KRAKEN"));
        KrakenBook book = _decoder.Book(result.InstrumentId)!;
        Assert.That(book.IsValid, Is.True);
        Assert.That(book.Depth, Is.EqualTo(10));
        Assert.That(book.Bids[0], Is.EqualTo(new KrakenLevel(1002, 300_000_000, 1002, 300_000_000)));
        Assert.That(book.Asks[2], Is.EqualTo(new KrakenLevel(1010, 10_000_000, 1010, 10_000_000)));
    }

    [Test]
    public void Decode_SnapshotOfRegisteredPair_KeepsTheTablesPriceDecimals()
    {
        Instrument registered = _table.GetOrAdd(Pair, priceDecimals: 3, venue: "KRAKEN")!;

        KrakenDecodeResult result = DecodeSnapshot();

        Assert.That(result.InstrumentId, Is.EqualTo(registered.Id));
        Assert.That(_decoder.Book(registered.Id)!.Bids[0].PriceTicks, Is.EqualTo(100_200));
        Assert.That(_sink.Events[1].PriceTicks, Is.EqualTo(100_200));
    }

    [Test]
    public void Decode_UpdateWithMatchingChecksum_VerifiesAndPublishesTheChangedLevels()
    {
        DecodeSnapshot();
        _sink.Events.Clear();

        KrakenDecodeResult result = Decode(KrakenMessages.WithChecksum(_reference, Pair, [("100.6", "4.00000000")], [("100.2", "1.50000000")]));

        Assert.That(result, Is.EqualTo(new KrakenDecodeResult(KrakenMessageKind.Update, KrakenRejectReason.None, 0, ChecksumFailed: false)));
        Assert.That(_decoder.Counters.ChecksumsVerified, Is.EqualTo(1));
        Assert.That(_sink.Events, Has.Count.EqualTo(2));
        Assert.That(_sink.Events[0], Is.EqualTo(Level(Side.Sell, 1006, 400_000_000, _sink.Events[0])));
        Assert.That(_sink.Events[1], Is.EqualTo(Level(Side.Buy, 1002, 150_000_000, _sink.Events[1]) with { EndOfMessage = true }));
        KrakenBookAssert.SameAs(_decoder.Book(0)!, _reference);
    }

    [Test]
    public void Decode_UpdateWithVolumeZero_RemovesTheLevelAndPublishesQuantityZero()
    {
        DecodeSnapshot();
        _sink.Events.Clear();

        Decode(KrakenMessages.WithChecksum(_reference, Pair, [("100.5", "0.00000000")], []));

        Assert.That(_decoder.Counters.ChecksumsVerified, Is.EqualTo(1));
        Assert.That(_decoder.Book(0)!.Asks[0].PriceTicks, Is.EqualTo(1007));
        Assert.That(_sink.Events.Single().Quantity, Is.Zero);
        Assert.That(_sink.Events.Single().PriceTicks, Is.EqualTo(1005));
    }

    [Test]
    public void Decode_DeleteOfAbsentLevel_IsCountedAndPublishesNothing()
    {
        DecodeSnapshot();
        _sink.Events.Clear();

        Decode(KrakenMessages.WithChecksum(_reference, Pair, [("105.0", "0.00000000")], []));

        Assert.That(_decoder.Counters.DeletesOfAbsentLevels, Is.EqualTo(1));
        Assert.That(_decoder.Counters.ChecksumsVerified, Is.EqualTo(1));
        Assert.That(_sink.Events, Is.Empty);
    }

    [Test]
    public void Decode_UpdateWithAsksAndBidsInTwoMaps_AppliesBoth()
    {
        DecodeSnapshot();
        _reference.Apply(KrakenMessages.Update(Pair, 10, [("100.6", "1.00000000")], [("100.3", "1.00000000")], null));
        string message = $"[42,{{\"a\":[[\"100.6\",\"1.00000000\",\"{KrakenMessages.Ts}\"]]}},{{\"b\":[[\"100.3\",\"1.00000000\",\"{KrakenMessages.Ts}\",\"r\"]],\"c\":\"{_reference.Checksum()}\"}},\"book-10\",\"{Pair}\"]";

        Decode(message);

        Assert.That(_decoder.Counters.ChecksumsVerified, Is.EqualTo(1));
        KrakenBookAssert.SameAs(_decoder.Book(0)!, _reference);
    }

    [Test]
    public void Decode_UpdateWithWrongChecksum_InvalidatesTheBookRequestsResubscribeAndPublishesResync()
    {
        DecodeSnapshot();
        _sink.Events.Clear();
        string good = KrakenMessages.WithChecksum(_reference, Pair, [("100.6", "4.00000000")], []);

        KrakenDecodeResult result = Decode(good.Replace("\"4.00000000\"", "\"4.00000001\"", StringComparison.Ordinal));

        Assert.That(result.ChecksumFailed, Is.True);
        Assert.That(_decoder.Counters.ChecksumsFailed, Is.EqualTo(1));
        Assert.That(_decoder.Counters.ResubscribeRequests, Is.EqualTo(1));
        Assert.That(_decoder.Book(0)!.IsValid, Is.False);
        Assert.That(_resubscriber.Pairs, Is.EqualTo(new[] { Pair }));
        MarketDataEvent last = _sink.Events[^1];
        Assert.That(last.Kind, Is.EqualTo(MarketDataKind.FeedStatus));
        Assert.That((FeedStatus)last.Status, Is.EqualTo(FeedStatus.Resync));
        Assert.That(last.InstrumentId, Is.Zero);
        Assert.That(last.EndOfMessage, Is.True);
    }

    [Test]
    public void Decode_UpdatesToAnInvalidBook_AreIgnoredUntilTheNextSnapshotMakesItValid()
    {
        DecodeSnapshot();
        Decode(KrakenMessages.Update(Pair, 10, [("100.6", "4.00000000")], [], checksum: 1));
        _sink.Events.Clear();

        KrakenDecodeResult ignored = Decode(KrakenMessages.Update(Pair, 10, [("100.6", "5.00000000")], [], checksum: 2));
        Assert.That(ignored.Reason, Is.EqualTo(KrakenRejectReason.BookNotReady));
        Assert.That(_sink.Events, Is.Empty);

        _reference = new KrakenReferenceBook(10);
        DecodeSnapshot();
        Decode(KrakenMessages.WithChecksum(_reference, Pair, [("100.6", "5.00000000")], []));

        Assert.That(_decoder.Book(0)!.IsValid, Is.True);
        Assert.That(_decoder.Counters.ChecksumsVerified, Is.EqualTo(1));
        Assert.That(_decoder.Counters.ChecksumsFailed, Is.EqualTo(1));
        Assert.That(_decoder.Counters.Rejected(KrakenRejectReason.BookNotReady), Is.EqualTo(1));
        Assert.That(_decoder.Counters.Malformed, Is.Zero);
        Assert.That(_resubscriber.Pairs, Has.Count.EqualTo(1));
    }

    [Test]
    public void Decode_UpdateBeforeAnySnapshot_IsIgnoredAsBookNotReady()
    {
        KrakenDecodeResult result = Decode(KrakenMessages.Update(Pair, 10, [("100.6", "4.00000000")], [], checksum: 1));

        Assert.That(result, Is.EqualTo(new KrakenDecodeResult(KrakenMessageKind.Update, KrakenRejectReason.BookNotReady, -1, false)));
        Assert.That(_decoder.Counters.Updates, Is.EqualTo(1));
        Assert.That(_resubscriber.Pairs, Is.Empty);
    }

    [Test]
    public void Decode_InsertIntoAFullBook_TruncatesTheWorstLevelToTheDepth()
    {
        (string, string)[] asks = [.. Enumerable.Range(0, 10).Select(i => ($"{200 + i}.0", "1.00000000"))];
        (string, string)[] bids = [.. Enumerable.Range(0, 10).Select(i => ($"{199 - i}.0", "1.00000000"))];
        Decode(KrakenMessages.Snapshot(Pair, 10, asks, bids));
        _reference.Apply(KrakenMessages.Snapshot(Pair, 10, asks, bids));
        _sink.Events.Clear();

        Decode(KrakenMessages.WithChecksum(_reference, Pair, [("199.5", "2.00000000")], []));

        KrakenBook book = _decoder.Book(0)!;
        Assert.That(_decoder.Counters.ChecksumsVerified, Is.EqualTo(1));
        Assert.That(book.Asks.Count, Is.EqualTo(10));
        Assert.That(book.Asks[9].PriceTicks, Is.EqualTo(2080), "209.0 fell below the depth");
        Assert.That(_decoder.Counters.LevelsTruncated, Is.EqualTo(1));
        Assert.That(_sink.Events[^1], Is.EqualTo(Level(Side.Sell, 2090, 0, _sink.Events[^1]) with { EndOfMessage = true }));
    }

    [Test]
    public void Decode_DeleteAfterATruncation_DoesNotBringTheTruncatedLevelBack()
    {
        (string, string)[] bids = [.. Enumerable.Range(0, 10).Select(i => ($"{199 - i}.0", "1.00000000"))];
        Decode(KrakenMessages.Snapshot(Pair, 10, [("300.0", "1.00000000")], bids));
        _reference.Apply(KrakenMessages.Snapshot(Pair, 10, [("300.0", "1.00000000")], bids));
        Decode(KrakenMessages.WithChecksum(_reference, Pair, [], [("199.5", "1.00000000")]));

        Decode(KrakenMessages.WithChecksum(_reference, Pair, [], [("199.5", "0.00000000")]));

        KrakenBook book = _decoder.Book(0)!;
        Assert.That(_decoder.Counters.ChecksumsVerified, Is.EqualTo(2));
        Assert.That(book.Bids.Count, Is.EqualTo(9));
        Assert.That(book.Bids[8].PriceTicks, Is.EqualTo(1910));
        KrakenBookAssert.SameAs(book, _reference);
    }

    [Test]
    public void Decode_SnapshotDeeperThanItsChannel_KeepsOnlyTheDepth()
    {
        (string, string)[] asks = [.. Enumerable.Range(0, 15).Select(i => ($"{200 + i}.0", "1.00000000"))];

        Decode(KrakenMessages.Snapshot(Pair, 10, asks, []));

        Assert.That(_decoder.Book(0)!.Asks.Count, Is.EqualTo(10));
        Assert.That(_decoder.Counters.LevelsTruncated, Is.EqualTo(5));
        Assert.That(_sink.Events, Has.Count.EqualTo(11));
    }

    [Test]
    public void Decode_PriceNeedingMoreDecimalsThanThePairsScale_IsRejectedAndInvalidatesTheBook()
    {
        DecodeSnapshot();

        KrakenDecodeResult result = Decode(KrakenMessages.Update(Pair, 10, [("100.55", "1.00000000")], [], checksum: 1));

        Assert.That(result.Reason, Is.EqualTo(KrakenRejectReason.PriceScale));
        Assert.That(_decoder.Book(0)!.IsValid, Is.False);
        Assert.That(_resubscriber.Pairs, Is.EqualTo(new[] { Pair }));
        Assert.That(_decoder.Counters.Malformed, Is.EqualTo(1));
    }

    [Test]
    public void Decode_SnapshotNeedingMoreDecimalsThanThePairsScale_IsRejectedAndInvalidatesTheBook()
    {
        DecodeSnapshot();

        KrakenDecodeResult result = Decode(KrakenMessages.Snapshot(Pair, 10, [("100.55", "1.00000000")], s_bids));

        Assert.That(result.Reason, Is.EqualTo(KrakenRejectReason.PriceScale));
        Assert.That(_decoder.Book(0)!.IsValid, Is.False);
        Assert.That(_resubscriber.Pairs, Is.EqualTo(new[] { Pair }));
    }

    [Test]
    public void Decode_PriceWithExtraTrailingZeros_IsAppliedAtThePairsScale()
    {
        DecodeSnapshot();

        Decode(KrakenMessages.WithChecksum(_reference, Pair, [("100.60", "1.00000000")], []));

        Assert.That(_decoder.Counters.ChecksumsVerified, Is.EqualTo(1), "the checksum hashes the digits as sent: 10060");
        Assert.That(_decoder.Book(0)!.Asks[1].PriceTicks, Is.EqualTo(1006));
    }

    [Test]
    public void Decode_MoreEntriesThanAllowedPerMessage_IsRejectedAsTooManyLevels()
    {
        (string, string)[] asks = [.. Enumerable.Range(0, 21).Select(i => ($"{200 + i}.0", "1.00000000"))];

        KrakenDecodeResult result = Decode(KrakenMessages.Snapshot(Pair, 10, asks, []));

        Assert.That(result.Reason, Is.EqualTo(KrakenRejectReason.TooManyLevels));
        Assert.That(_table.Count, Is.Zero);
    }

    [TestCase("{\"event\":\"heartbeat\"}", KrakenMessageKind.Heartbeat)]
    [TestCase("{\"connectionID\":17843232920108168701,\"event\":\"systemStatus\",\"status\":\"online\"}", KrakenMessageKind.SystemStatus)]
    [TestCase("{\"channelID\":1,\"event\":\"subscriptionStatus\",\"pair\":\"XBT/USD\",\"subscription\":{\"depth\":10,\"name\":\"book\"}}", KrakenMessageKind.SubscriptionStatus)]
    [TestCase("{\"event\":\"pong\",\"reqid\":1}", KrakenMessageKind.OtherEvent)]
    [TestCase("[0,[[\"5541.2\",\"0.15\",\"1534614057.3\",\"s\",\"l\",\"\"]],\"trade\",\"XBT/USD\"]", KrakenMessageKind.OtherChannel)]
    public void Decode_NonBookMessage_IsCountedByKind(string message, KrakenMessageKind kind)
    {
        KrakenDecodeResult result = Decode(message);

        Assert.That(result.Kind, Is.EqualTo(kind));
        Assert.That(result.Reason, Is.EqualTo(KrakenRejectReason.None));
        KrakenDecoderCounters counters = _decoder.Counters;
        long counted = counters.Heartbeats + counters.SystemStatus + counters.SubscriptionStatus + counters.OtherEvents + counters.OtherChannels;
        Assert.That(counted, Is.EqualTo(1));
        Assert.That(_sink.Events, Is.Empty);
    }

    [TestCase("", KrakenRejectReason.BadJson)]
    [TestCase("[42,{\"a\":[", KrakenRejectReason.BadJson)]
    [TestCase("{\"event\":\"heartbeat\"} x", KrakenRejectReason.BadJson)]
    [TestCase("42", KrakenRejectReason.BadShape)]
    [TestCase("{\"status\":\"online\"}", KrakenRejectReason.BadShape)]
    [TestCase("[42,{\"as\":[],\"bs\":[]},\"book-10\"]", KrakenRejectReason.BadShape)]
    [TestCase("[\"x\",{\"as\":[],\"bs\":[]},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadShape)]
    [TestCase("[42,{\"as\":[],\"a\":[]},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadShape)]
    [TestCase("[42,{\"c\":\"1\"},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadShape)]
    [TestCase("[42,{\"as\":[[\"1.0\",\"1.0\"]]},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadShape)]
    [TestCase("[42,{\"as\":[[\"1.0\",\"1.0\",\"1.0\",\"r\",\"x\"]]},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadShape)]
    [TestCase("[42,{\"as\":[[1.0,\"1.0\",\"1.0\"]]},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadShape)]
    [TestCase("[42,{\"as\":[[\"-1.0\",\"1.0\",\"1.0\"]]},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadNumber)]
    [TestCase("[42,{\"as\":[[\"1.0.0\",\"1.0\",\"1.0\"]]},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadNumber)]
    [TestCase("[42,{\"as\":[[\"1.0\",\"1e5\",\"1.0\"]]},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadNumber)]
    [TestCase("[42,{\"as\":[[\"1.0\",\"1234567890123456789\",\"1.0\"]]},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadNumber)]
    [TestCase("[42,{\"as\":[[\"\\u0031.0\",\"1.0\",\"1.0\"]]},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadNumber)]
    [TestCase("[42,{\"as\":[],\"bs\":[]},\"book-0\",\"XBT/USD\"]", KrakenRejectReason.UnsupportedDepth)]
    [TestCase("[42,{\"as\":[],\"bs\":[]},\"book-11\",\"XBT/USD\"]", KrakenRejectReason.UnsupportedDepth)]
    [TestCase("[42,{\"as\":[],\"bs\":[]},\"book-1x\",\"XBT/USD\"]", KrakenRejectReason.UnsupportedDepth)]
    [TestCase("[42,{\"a\":[],\"c\":\"-1\"},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadChecksumField)]
    [TestCase("[42,{\"a\":[],\"c\":\"4294967296\"},\"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadChecksumField)]
    [TestCase("[42,{\"a\":[],\"c\":1}, \"book-10\",\"XBT/USD\"]", KrakenRejectReason.BadChecksumField)]
    [TestCase("[42,{\"as\":[],\"bs\":[]},\"book-10\",\"XBT USD\"]", KrakenRejectReason.BadPair)]
    [TestCase("[42,{\"as\":[],\"bs\":[]},\"book-10\",\"\"]", KrakenRejectReason.BadPair)]
    [TestCase("[42,{\"as\":[],\"bs\":[]},\"book-10\",\"X\\u0042T/USD\"]", KrakenRejectReason.BadPair)]
    public void Decode_MalformedMessage_IsCountedByReasonAndPublishesNothing(string message, KrakenRejectReason reason)
    {
        KrakenDecodeResult result = Decode(message);

        Assert.That(result.Reason, Is.EqualTo(reason));
        Assert.That(_decoder.Counters.Rejected(reason), Is.EqualTo(1));
        Assert.That(_decoder.Counters.Malformed, Is.EqualTo(1));
        Assert.That(_sink.Events, Is.Empty);
    }

    [Test]
    public void Decode_SnapshotWhileTheInstrumentTableIsFull_IsRejectedAsUnknownPair()
    {
        var table = new InstrumentTable(1);
        table.GetOrAdd("ETH/USD", 2);
        var decoder = new KrakenBookDecoder(table, _sink);

        KrakenDecodeResult result = decoder.Decode(Encoding.ASCII.GetBytes(KrakenMessages.Snapshot(Pair, 10, s_asks, s_bids)), 0);

        Assert.That(result.Reason, Is.EqualTo(KrakenRejectReason.UnknownPair));
    }

    [Test]
    public void InvalidateAll_WithValidBooks_PublishesTheStatusPerBookAndIgnoresTheirUpdates()
    {
        DecodeSnapshot();
        _sink.Events.Clear();

        _decoder.InvalidateAll(FeedStatus.Stale, tsRecvNs: 5);

        Assert.That(_sink.Events.Single().Kind, Is.EqualTo(MarketDataKind.FeedStatus));
        Assert.That((FeedStatus)_sink.Events.Single().Status, Is.EqualTo(FeedStatus.Stale));
        Assert.That(_sink.Events.Single().EndOfMessage, Is.True);
        Assert.That(_decoder.Book(0)!.IsValid, Is.False);
        Assert.That(_resubscriber.Pairs, Is.Empty, "the transport resubscribes everything itself after a reconnect");
        Assert.That(Decode(KrakenMessages.Update(Pair, 10, [("100.6", "4.00000000")], [], 1)).Reason, Is.EqualTo(KrakenRejectReason.BookNotReady));
    }

    [Test]
    public void Decode_WarmedUpdates_AllocateNothing()
    {
        DecodeSnapshot();
        byte[] up = Encoding.ASCII.GetBytes(KrakenMessages.WithChecksum(_reference, Pair, [("100.6", "4.00000000")], []));
        byte[] down = Encoding.ASCII.GetBytes(KrakenMessages.WithChecksum(_reference, Pair, [("100.6", "0.00000000")], []));
        var decoder = new KrakenBookDecoder(_table, new NullSink(), null, new KrakenDecoderOptions { MaxDepth = 10, MaxLevelsPerMessage = 20 });
        decoder.Decode(Encoding.ASCII.GetBytes(KrakenMessages.Snapshot(Pair, 10, s_asks, s_bids)), 0);
        for (int i = 0; i < 100; i++)
        {
            decoder.Decode(up, 0);
            decoder.Decode(down, 0);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            decoder.Decode(up, 0);
            decoder.Decode(down, 0);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(decoder.Counters.ChecksumsVerified, Is.EqualTo(2200));
        Assert.That(allocated, Is.Zero);
    }

    private static MarketDataEvent Level(Side side, long priceTicks, long quantity, MarketDataEvent actual) => actual with
    {
        Kind = MarketDataKind.LevelSet,
        Side = side,
        PriceTicks = priceTicks,
        Quantity = quantity,
    };

    private KrakenDecodeResult DecodeSnapshot()
    {
        string snapshot = KrakenMessages.Snapshot(Pair, 10, s_asks, s_bids);
        _reference.Apply(snapshot);
        return Decode(snapshot);
    }

    private KrakenDecodeResult Decode(string message) => _decoder.Decode(Encoding.UTF8.GetBytes(message), 77);

    private sealed class NullSink : IMarketDataSink
    {
        public void Publish(in MarketDataEvent marketEvent)
        {
        }
    }
}
