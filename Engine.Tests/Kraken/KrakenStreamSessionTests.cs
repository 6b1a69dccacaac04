using System.Text;
using Engine.Tests.Alpaca;
using Engine.Tests.Support;
using Feeds;
using Feeds.Instruments;
using Feeds.Kraken;
using Feeds.Transport;

namespace Engine.Tests.Kraken;

/// <summary>The live book feed, transport and session, against a loopback server speaking Kraken's v1 protocol.</summary>
public sealed class KrakenStreamSessionTests
{
    private const string Xbt = "XBT/USD";
    private const string Eth = "ETH/USD";

    /// <summary>Updates in the recorded session's slice of XBT/CHF and ETH/CHF, all carrying a checksum.</summary>
    private const int RecordedUpdates = 606;

    private sealed class Stream : IAsyncDisposable
    {
        public required FakeKrakenServer Server { get; init; }
        public required InstrumentTable Instruments { get; init; }
        public required ConcurrentRecordingSink Sink { get; init; }
        public required CapturingLogger Logger { get; init; }
        public required KrakenStreamSession Session { get; init; }
        public required WebSocketTransport Transport { get; init; }

        public int Id(string pair) => Instruments.TryGetId(pair, out int id) ? id : -1;

        /// <summary>Waits until the transport has handed <paramref name="count"/> messages to the session, then stops it, so the decoder may be read.</summary>
        public async Task StopAfterMessagesAsync(long count)
        {
            Eventually.Until(() => Transport.MessagesReceived >= count, TestTimeouts.Join, $"{count} messages arrived");
            await Transport.StopAsync();
            Assert.That(Transport.MessagesReceived, Is.EqualTo(count));
        }

        public async ValueTask DisposeAsync()
        {
            await Transport.DisposeAsync();
            await Server.DisposeAsync();
        }
    }

    private static async Task<Stream> StartAsync(string[] pairs, int depth, int staleTimeoutMs = 0, Action<FakeKrakenServer>? beforeStart = null)
    {
        var server = await FakeKrakenServer.StartAsync();
        beforeStart?.Invoke(server);
        var options = new KrakenStreamOptions
        {
            Url = server.Url,
            Pairs = pairs,
            Depth = depth,
            Transport = new() { ReconnectInitialDelayMs = 5, ReconnectMaxDelayMs = 20, StaleTimeoutMs = staleTimeoutMs },
        };
        var instruments = new InstrumentTable(8);
        var sink = new ConcurrentRecordingSink();
        var logger = new CapturingLogger();
        var session = new KrakenStreamSession(options, instruments, sink, logger);
        var transport = new WebSocketTransport(options.Url, options.Transport, session, logger, random: new Random(5), name: "kraken");
        transport.Start();
        return new Stream { Server = server, Instruments = instruments, Sink = sink, Logger = logger, Session = session, Transport = transport };
    }

    private static void WaitForRequests(Stream stream, string eventName, int count) =>
        Eventually.Until(() => stream.Server.RequestsOf(eventName).Count >= count, TestTimeouts.Join, $"the server received {count} {eventName} request(s)");

    private static KrakenReferenceBook Book(string pair, out string snapshot, string bestAsk = "100.5", string bestBid = "100.1")
    {
        var reference = new KrakenReferenceBook(10);
        snapshot = KrakenMessages.Snapshot(pair, 10, [(bestAsk, "1.00000000"), ("100.7", "2.00000000")], [(bestBid, "3.00000000"), ("99.9", "4.00000000")]);
        reference.Apply(snapshot);
        return reference;
    }

    /// <summary>Feed-status and clear-book events of <paramref name="instrumentId"/>, in order, as text.</summary>
    private static List<string> BookLifecycle(ConcurrentRecordingSink sink, int instrumentId) =>
        sink.Events.FindAll(e => e.InstrumentId == instrumentId && e.Kind is MarketDataKind.FeedStatus or MarketDataKind.ClearBook)
            .ConvertAll(e => e.Kind == MarketDataKind.ClearBook ? "snapshot" : ((FeedStatus)e.Status).ToString());

    [Test]
    public async Task Connect_SubscribesEveryPairAtTheConfiguredDepth()
    {
        await using var stream = await StartAsync([Xbt, Eth], depth: 25);

        WaitForRequests(stream, "subscribe", 1);

        var subscribe = stream.Server.Requests.Single();
        Assert.That(subscribe.Pairs, Is.EqualTo(new[] { Xbt, Eth }));
        Assert.That((subscribe.SubscriptionName, subscribe.Depth), Is.EqualTo(("book", 25)));
        Assert.That(stream.Session.SubscribeRequests, Is.EqualTo(1));
        Assert.That(stream.Session.UnsubscribeRequests, Is.Zero);
    }

    [Test]
    public async Task RecordedSession_ReplayedOverTheSocket_VerifiesEveryChecksumAndPublishesWhatTheOfflineDecoderDoes()
    {
        string[] pairs = ["XBT/CHF", "ETH/CHF"];
        List<string> frames = RecordedFrames(pairs);
        await using var stream = await StartAsync(pairs, depth: 1000);
        WaitForRequests(stream, "subscribe", 1);

        foreach (string frame in frames)
        {
            stream.Server.Send(0, frame);
        }
        await stream.StopAfterMessagesAsync(1 + pairs.Length + frames.Count);

        var counters = stream.Session.Decoder.Counters;
        Assert.That(counters.Snapshots, Is.EqualTo(2));
        Assert.That(counters.ChecksumsVerified, Is.EqualTo(RecordedUpdates));
        Assert.That((counters.ChecksumsFailed, counters.Malformed, counters.UpdatesWithoutChecksum), Is.EqualTo((0L, 0L, 0L)));
        Assert.That(stream.Session.Resubscribes, Is.Zero);
        Assert.That(stream.Server.Requests, Has.Count.EqualTo(1));

        // The oracle: the same frames through a decoder called directly, as the replay command does.
        var offlineSink = new KrakenRecordingSink();
        var offline = new KrakenBookDecoder(new InstrumentTable(8), offlineSink);
        foreach (string frame in frames)
        {
            offline.Decode(Encoding.UTF8.GetBytes(frame), 0);
        }
        var live = stream.Sink.Events.ConvertAll(e => e with { TsRecvNs = 0 });
        var expected = offlineSink.Events.ConvertAll(e => e with { TsRecvNs = 0 });
        Assert.That(live.Take(expected.Count), Is.EqualTo(expected), "the live path publishes exactly the offline events");
        Assert.That(live.Skip(expected.Count).Select(e => (FeedStatus)e.Status), Is.EqualTo(new[] { FeedStatus.Disconnected, FeedStatus.Disconnected }),
            "stopping invalidates both books");
    }

    [Test]
    public async Task CorruptedChecksum_UnsubscribesAndSubscribesThatPairOnly_AndItsBookRecoversFromTheNewSnapshot()
    {
        await using var stream = await StartAsync([Xbt, Eth], depth: 10);
        WaitForRequests(stream, "subscribe", 1);
        var xbt = Book(Xbt, out string xbtSnapshot);
        var eth = Book(Eth, out string ethSnapshot, "2000.5", "1999.5");
        stream.Server.Send(0, xbtSnapshot);
        stream.Server.Send(0, ethSnapshot);
        stream.Server.Send(0, KrakenMessages.WithChecksum(xbt, Xbt, [("100.6", "5.00000000")], []));
        stream.Server.Send(0, KrakenMessages.Update(Xbt, 10, [], [("100.2", "1.00000000")], checksum: xbt.Checksum() ^ 1));
        stream.Server.Send(0, KrakenMessages.WithChecksum(eth, Eth, [], [("1999.7", "1.50000000")]));

        WaitForRequests(stream, "subscribe", 2);

        var requests = stream.Server.Requests.ToList();
        Assert.That(requests.Select(r => (r.Event, string.Join(",", r.Pairs), r.Depth)), Is.EqualTo(new[]
        {
            ("subscribe", $"{Xbt},{Eth}", 10), ("unsubscribe", Xbt, 10), ("subscribe", Xbt, 10),
        }));

        var recovered = Book(Xbt, out string newSnapshot, "100.4", "100.0");
        stream.Server.Send(0, newSnapshot);
        stream.Server.Send(0, KrakenMessages.WithChecksum(recovered, Xbt, [("100.4", "0.00000000")], []));
        // systemStatus, 2 subscribed, 5 frames, unsubscribed, subscribed, 2 frames.
        await stream.StopAfterMessagesAsync(1 + 2 + 5 + 1 + 1 + 2);

        var counters = stream.Session.Decoder.Counters;
        Assert.That(counters.ChecksumsFailed, Is.EqualTo(1));
        Assert.That(counters.ChecksumsVerified, Is.EqualTo(3), "XBT before, ETH throughout, XBT after the new snapshot");
        Assert.That(counters.Snapshots, Is.EqualTo(3));
        Assert.That((stream.Session.Resubscribes, stream.Session.UnsubscribeRequests, stream.Session.SubscribeRequests), Is.EqualTo((1L, 1L, 2L)));
        Assert.That(BookLifecycle(stream.Sink, stream.Id(Xbt)), Is.EqualTo(new[] { "snapshot", "Resync", "snapshot", "Disconnected" }));
        Assert.That(BookLifecycle(stream.Sink, stream.Id(Eth)), Is.EqualTo(new[] { "snapshot", "Disconnected" }), "ETH streamed on untouched");
    }

    [Test]
    public async Task ServerClosesConnection_BooksInvalidUntilTheNewConnectionsSnapshot()
    {
        await using var stream = await StartAsync([Xbt], depth: 10);
        WaitForRequests(stream, "subscribe", 1);
        var first = Book(Xbt, out string firstSnapshot);
        stream.Server.Send(0, firstSnapshot);
        stream.Server.Send(0, KrakenMessages.WithChecksum(first, Xbt, [("100.6", "5.00000000")], []));
        stream.Server.Close(0);

        WaitForRequests(stream, "subscribe", 2);
        Assert.That(BookLifecycle(stream.Sink, stream.Id(Xbt)), Is.EqualTo(new[] { "snapshot", "Disconnected" }), "invalid before the new snapshot");

        var second = Book(Xbt, out string secondSnapshot, "100.3", "100.2");
        stream.Server.Send(1, secondSnapshot);
        stream.Server.Send(1, KrakenMessages.WithChecksum(second, Xbt, [], [("100.2", "7.00000000")]));
        // Per connection: systemStatus, subscribed, snapshot, update.
        await stream.StopAfterMessagesAsync(2 * 4);

        Assert.That(stream.Transport.Reconnects, Is.EqualTo(1));
        Assert.That(stream.Transport.SessionsEstablished, Is.EqualTo(2));
        Assert.That(stream.Server.Requests.Select(r => (r.Connection, r.Event, string.Join(",", r.Pairs), r.Depth)),
            Is.EqualTo(new[] { (0, "subscribe", Xbt, 10), (1, "subscribe", Xbt, 10) }));
        var counters = stream.Session.Decoder.Counters;
        Assert.That((counters.Snapshots, counters.ChecksumsVerified, counters.ChecksumsFailed), Is.EqualTo((2L, 2L, 0L)));
        Assert.That(BookLifecycle(stream.Sink, stream.Id(Xbt)), Is.EqualTo(new[] { "snapshot", "Disconnected", "snapshot", "Connected", "Disconnected" }), "the new connection says the feed is back");
    }

    [Test]
    public async Task Silence_StaleTimerFires_BooksMarkedStaleThenResubscribed()
    {
        _ = Book(Xbt, out string snapshot);
        // Queued before the client connects, so the snapshot is there long before the stale timeout however slow the machine.
        await using var stream = await StartAsync([Xbt], depth: 10, staleTimeoutMs: 300, beforeStart: server => server.Send(0, snapshot));

        Eventually.Until(() => stream.Sink.CountStatus(FeedStatus.Stale) == 1 && stream.Server.RequestsOf("subscribe").Count >= 2,
            TestTimeouts.Join, "the stale connection was replaced and resubscribed");

        Assert.That(stream.Transport.StaleEvents, Is.GreaterThanOrEqualTo(1));
        Assert.That(BookLifecycle(stream.Sink, stream.Id(Xbt)).Take(2), Is.EqualTo(new[] { "snapshot", "Stale" }));
    }

    [Test]
    public async Task MalformedFrameAndAFailedBookOfAnUnsubscribedPair_AreCountedWithoutResubscribingOrReconnecting()
    {
        await using var stream = await StartAsync([Xbt], depth: 10);
        WaitForRequests(stream, "subscribe", 1);
        var stray = Book("LTC/USD", out string straySnapshot);
        _ = Book(Xbt, out string xbtSnapshot);
        stream.Server.Send(0, "[1,{\"as\":[[\"1.0\"");
        stream.Server.Send(0, straySnapshot);
        stream.Server.Send(0, KrakenMessages.Update("LTC/USD", 10, [("100.6", "1.00000000")], [], checksum: stray.Checksum()));
        stream.Server.Send(0, xbtSnapshot);
        // systemStatus, subscribed, 4 frames.
        await stream.StopAfterMessagesAsync(1 + 1 + 4);

        var counters = stream.Session.Decoder.Counters;
        Assert.That((counters.Malformed, counters.ChecksumsFailed, counters.Snapshots), Is.EqualTo((1L, 1L, 2L)));
        Assert.That((stream.Session.Resubscribes, stream.Session.UnsubscribeRequests), Is.EqualTo((0L, 0L)), "nothing to unsubscribe: LTC/USD was never subscribed");
        Assert.That(stream.Server.Requests, Has.Count.EqualTo(1));
        Assert.That((stream.Transport.ProtocolFaults, stream.Transport.Reconnects), Is.EqualTo((0L, 0L)));
        Assert.That(stream.Logger.Entries, Has.One.Matches<LogEntry>(e => e.Message.Contains("LTC/USD", StringComparison.Ordinal) && e.Message.Contains("not resubscribed", StringComparison.Ordinal)));
    }

    [Test]
    public void Constructor_PlainWsToANonLoopbackHost_IsRefused()
    {
        var options = new KrakenStreamOptions { Url = "ws://ws.kraken.com", Pairs = [Xbt] };

        Assert.That(() => new KrakenStreamSession(options, new InstrumentTable(4), new ConcurrentRecordingSink(), new CapturingLogger()),
            Throws.ArgumentException.With.Message.Contains("kraken.url").And.Message.Contains("not loopback"));
    }

    [Test]
    public void Constructor_NoPairs_Throws()
    {
        Assert.That(() => new KrakenStreamSession(new KrakenStreamOptions(), new InstrumentTable(4), new ConcurrentRecordingSink(), new CapturingLogger()),
            Throws.ArgumentException.With.Message.Contains("kraken.pairs: subscribes to nothing"));
    }

    [Test]
    public void Constructor_DepthBeyondTheDecodersArrays_Throws()
    {
        var options = new KrakenStreamOptions { Pairs = [Xbt], Depth = 100 };

        Assert.That(() => new KrakenStreamSession(options, new InstrumentTable(4), new ConcurrentRecordingSink(), new CapturingLogger(),
                new KrakenDecoderOptions { MaxDepth = 25, MaxLevelsPerMessage = 50 }),
            Throws.ArgumentException.With.Message.Contains("kraken.depth: 100 is deeper than the decoder's MaxDepth (25)"));
    }

    /// <summary>The received book messages of <paramref name="pairs"/> in the recorded session, in order.</summary>
    private static List<string> RecordedFrames(string[] pairs)
    {
        var frames = new List<string>();
        foreach (string line in File.ReadLines(Path.Combine(RepositoryPaths.Root(), "testdata", "kraken", "KRAKEN.ws.50.0")))
        {
            var kind = KrakenRecordedLine.Parse(Encoding.UTF8.GetBytes(line), out _, out ReadOnlySpan<byte> json);
            if (kind != RecordedLineKind.Received)
            {
                continue;
            }
            string message = Encoding.UTF8.GetString(json);
            if (Array.Exists(pairs, pair => message.EndsWith($",\"{pair}\"]", StringComparison.Ordinal)))
            {
                frames.Add(message);
            }
        }
        Assert.That(frames, Has.Count.EqualTo(2 + RecordedUpdates), "two snapshots and their updates");
        return frames;
    }
}
