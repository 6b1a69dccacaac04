using System.Text.Json;
using Engine.Tests.Support;
using Feeds;
using Feeds.Alpaca;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Alpaca;

/// <summary>The whole stream, transport and session, against a loopback server speaking Alpaca's protocol.</summary>
public sealed class AlpacaStreamSessionTests
{
    private static AlpacaStreamOptions Options(string url, int staleTimeoutMs = 0) => new()
    {
        Url = url,
        Trades = ["AAPL"],
        Quotes = ["AMD"],
        Bars = ["*"],
        DailyBars = ["SPY"],
        Statuses = ["*"],
        Transport = new() { ReconnectInitialDelayMs = 5, ReconnectMaxDelayMs = 20, StaleTimeoutMs = staleTimeoutMs },
    };

    private static ApiCredentials Credentials(string secret = FakeAlpacaServer.Secret) =>
        ApiCredentials.FromEnvironment("APCA_API_KEY_ID", "APCA_API_SECRET_KEY",
            name => name == "APCA_API_KEY_ID" ? FakeAlpacaServer.KeyId : name == "APCA_API_SECRET_KEY" ? secret : null);

    private sealed class Stream : IAsyncDisposable
    {
        public required FakeAlpacaServer Server { get; init; }
        public required ConcurrentRecordingSink Sink { get; init; }
        public required AlpacaStreamSession Session { get; init; }
        public required WebSocketTransport Transport { get; init; }

        public async ValueTask DisposeAsync()
        {
            await Transport.DisposeAsync();
            await Server.DisposeAsync();
        }
    }

    private static async Task<Stream> StartAsync(string secret = FakeAlpacaServer.Secret, int staleTimeoutMs = 0, ILogger? logger = null)
    {
        var server = await FakeAlpacaServer.StartAsync();
        var sink = new ConcurrentRecordingSink();
        var options = Options(server.Url, staleTimeoutMs);
        logger ??= new CapturingLogger();
        var session = new AlpacaStreamSession(options, Credentials(secret), AlpacaTestData.Instruments(), sink, logger, sink);
        var transport = new WebSocketTransport(options.Url, options.Transport, session, logger, random: new Random(3), name: "alpaca");
        transport.Start();
        return new Stream { Server = server, Sink = sink, Session = session, Transport = transport };
    }

    [Test]
    public async Task Handshake_WithValidCredentials_AuthenticatesSubscribesAndReportsConnected()
    {
        await using var stream = await StartAsync();

        // The transport counts the session once the message that established it has been handled.
        Eventually.Until(() => stream.Session.State == AlpacaSessionState.Streaming && stream.Transport.SessionsEstablished > 0, TestTimeouts.Join, "the session streams");

        using var auth = JsonDocument.Parse(stream.Server.AuthRequests.Single());
        Assert.That(auth.RootElement.GetProperty("key").GetString(), Is.EqualTo(FakeAlpacaServer.KeyId));
        using var subscribe = JsonDocument.Parse(stream.Server.SubscribeRequests.Single());
        Assert.That(subscribe.RootElement.GetProperty("trades")[0].GetString(), Is.EqualTo("AAPL"));
        Assert.That(subscribe.RootElement.GetProperty("statuses")[0].GetString(), Is.EqualTo("*"));
        var connected = stream.Sink.Of(MarketDataKind.FeedStatus);
        Assert.That(connected.Select(e => e.InstrumentId), Is.EquivalentTo(new[] { AlpacaTestData.Aapl, AlpacaTestData.Amd }));
        Assert.That(connected.Select(e => (FeedStatus)e.Status), Is.All.EqualTo(FeedStatus.Connected));
        Assert.That(stream.Transport.SessionsEstablished, Is.EqualTo(1));
        Assert.That(stream.Session.SubscribeRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task Stream_OfTradesQuotesBarsAndStatuses_IsDecodedIntoEventsWithExactValues()
    {
        await using var stream = await StartAsync();
        Eventually.Until(() => stream.Server.Streaming == 1, TestTimeouts.Join, "the server streams");

        foreach (string frame in new[] { AlpacaTestData.Trade, AlpacaTestData.ThreeQuotes, AlpacaTestData.MinuteBar, AlpacaTestData.DailyBar, AlpacaTestData.Halt })
        {
            stream.Server.Send(0, frame);
        }
        Eventually.Until(() => stream.Session.Decoder.TradingStatuses == 1, TestTimeouts.Join, "the halt arrived");

        var trade = stream.Sink.Of(MarketDataKind.Trade).Single();
        Assert.That((trade.InstrumentId, trade.PriceTicks, trade.Quantity, trade.OrderId), Is.EqualTo((AlpacaTestData.Aapl, 1_265_500L, 1L, 96921L)));
        var quotes = stream.Sink.Of(MarketDataKind.Quote);
        Assert.That(quotes.Select(q => q.AskPriceTicks), Is.EqualTo(new long[] { 876_700, 876_800, 876_700 }));
        Assert.That(quotes[1].TsEventNs, Is.EqualTo(AlpacaTestData.UnixNs(2021, 2, 22, 15, 51, 45, 335_689_322)));
        Assert.That(stream.Sink.Bars.Select(b => (b.Daily, b.CloseTicks, b.Volume)), Is.EqualTo(new[] { (false, 3_891_200L, 49_378L), (true, 3_891_200L, 749_378L) }));
        var halt = stream.Sink.Of(MarketDataKind.TradingStatus).Single();
        Assert.That((TradingStatus)halt.Status, Is.EqualTo(TradingStatus.Halted));
        Assert.That(stream.Transport.MessagesReceived, Is.EqualTo(3 + 5), "welcome, authenticated, subscription, then five data frames");
    }

    [Test]
    public async Task AuthFailure_402_StopsForGoodWithoutAReconnectStorm()
    {
        await using var stream = await StartAsync(secret: "wrong-secret");

        Assert.That(stream.Transport.Completion.Wait(TestTimeouts.Join), Is.True, "the transport stopped");

        Assert.That(stream.Session.State, Is.EqualTo(AlpacaSessionState.Failed));
        Assert.That(stream.Session.LastErrorCode, Is.EqualTo(402));
        Assert.That(stream.Transport.StopReason, Is.EqualTo(TransportStopReason.ProtocolStop));
        Assert.That(stream.Server.Connections, Is.EqualTo(1));
        Assert.That(stream.Server.SubscribeRequests, Is.Empty);
        Assert.That(stream.Sink.Events, Is.Empty, "never streamed, so no feed status either");
    }

    [Test]
    public async Task ServerClosesConnection_ReconnectsWithBackoff_ResubscribesAndMarksBooksInvalidMeanwhile()
    {
        await using var stream = await StartAsync();
        Eventually.Until(() => stream.Server.Streaming == 1, TestTimeouts.Join, "the first connection streams");

        stream.Server.Close(0);
        Eventually.Until(() => stream.Server.Streaming == 2 && stream.Session.State == AlpacaSessionState.Streaming, TestTimeouts.Join, "the second connection streams");
        stream.Server.Send(1, AlpacaTestData.Trade);
        Eventually.Until(() => stream.Session.Decoder.Trades == 1, TestTimeouts.Join, "a trade arrived on the new connection");

        Assert.That(stream.Server.SubscribeRequests, Has.Count.EqualTo(2));
        Assert.That(stream.Server.SubscribeRequests.Distinct().Count(), Is.EqualTo(1), "the same subscription again");
        Assert.That(stream.Session.SubscribeRequests, Is.EqualTo(2));
        Assert.That(stream.Transport.Reconnects, Is.EqualTo(1));
        var statuses = stream.Sink.Of(MarketDataKind.FeedStatus).Select(e => ((FeedStatus)e.Status, e.InstrumentId)).ToList();
        Assert.That(statuses.Select(s => s.Item1), Is.EqualTo(new[]
        {
            FeedStatus.Connected, FeedStatus.Connected, FeedStatus.Disconnected, FeedStatus.Disconnected, FeedStatus.Connected, FeedStatus.Connected,
        }));
    }

    [Test]
    public async Task Silence_StaleTimerFires_PublishesStaleThenReconnectsAndResubscribes()
    {
        await using var stream = await StartAsync(staleTimeoutMs: 300);

        Eventually.Until(() => stream.Server.Streaming >= 2 && stream.Sink.CountStatus(FeedStatus.Stale) >= 2, TestTimeouts.Join, "a stale connection was replaced");

        var stale = stream.Sink.Of(MarketDataKind.FeedStatus).FindAll(e => e.Status == (byte)FeedStatus.Stale);
        Assert.That(stale.Take(2).Select(e => e.InstrumentId), Is.EquivalentTo(new[] { AlpacaTestData.Aapl, AlpacaTestData.Amd }));
        Assert.That(stream.Transport.StaleEvents, Is.GreaterThanOrEqualTo(1));
        Assert.That(stream.Server.SubscribeRequests.Count, Is.GreaterThanOrEqualTo(2));
    }

    [TestCase(406)]
    [TestCase(500)]
    [TestCase(404)]
    public async Task ErrorThatAFreshSessionClears_Reconnects(int code)
    {
        await using var stream = await StartAsync();
        Eventually.Until(() => stream.Server.Streaming == 1, TestTimeouts.Join, "the first connection streams");

        stream.Server.Send(0, $$"""[{"T":"error","code":{{code}},"msg":"x"}]""");
        Eventually.Until(() => stream.Server.Streaming == 2, TestTimeouts.Join, "a new session streams");

        Assert.That(stream.Session.LastErrorCode, Is.EqualTo(code));
        Assert.That(stream.Transport.State, Is.Not.EqualTo(TransportState.Stopped));
    }

    [TestCase(403)]
    [TestCase(407)]
    [TestCase(410)]
    public async Task ErrorThatLeavesTheSessionAsItWas_KeepsStreamingOnTheSameConnection(int code)
    {
        await using var stream = await StartAsync();
        Eventually.Until(() => stream.Server.Streaming == 1, TestTimeouts.Join, "the connection streams");

        stream.Server.Send(0, $$"""[{"T":"error","code":{{code}},"msg":"x"}]""");
        stream.Server.Send(0, AlpacaTestData.Trade);
        Eventually.Until(() => stream.Session.Decoder.Trades == 1, TestTimeouts.Join, "the trade after the error arrived");

        Assert.That(stream.Session.LastErrorCode, Is.EqualTo(code));
        Assert.That(stream.Server.Connections, Is.EqualTo(1));
        Assert.That(stream.Session.State, Is.EqualTo(AlpacaSessionState.Streaming));
    }

    [TestCase(400)]
    [TestCase(405)]
    [TestCase(408)]
    [TestCase(409)]
    public async Task ErrorThatReconnectingCannotFix_StopsForGood(int code)
    {
        await using var stream = await StartAsync();
        Eventually.Until(() => stream.Server.Streaming == 1, TestTimeouts.Join, "the connection streams");

        stream.Server.Send(0, $$"""[{"T":"error","code":{{code}},"msg":"x"}]""");

        Assert.That(stream.Transport.Completion.Wait(TestTimeouts.Join), Is.True, "the transport stopped");
        Assert.That(stream.Transport.StopReason, Is.EqualTo(TransportStopReason.ProtocolStop));
        Assert.That(stream.Server.Connections, Is.EqualTo(1));
        Assert.That(stream.Sink.CountStatus(FeedStatus.Disconnected), Is.EqualTo(2));
    }

    [Test]
    public async Task Logs_OfAWholeLifeWithReconnectsAndAnAuthFailure_NeverContainTheCredentials()
    {
        var logger = new CapturingLogger();
        await using (var stream = await StartAsync(staleTimeoutMs: 0, logger: logger))
        {
            Eventually.Until(() => stream.Server.Streaming == 1, TestTimeouts.Join, "the first connection streams");
            stream.Server.Close(0);
            Eventually.Until(() => stream.Server.Streaming == 2, TestTimeouts.Join, "the second connection streams");
        }
        await using (var failing = await StartAsync(secret: FakeAlpacaServer.Secret + "-wrong", logger: logger))
        {
            Assert.That(failing.Transport.Completion.Wait(TestTimeouts.Join), Is.True);
        }

        var entries = logger.Entries;
        Assert.That(entries, Has.Count.GreaterThan(5), "the test saw the log lines it checks");
        foreach (var entry in entries)
        {
            string text = entry.Message + entry.Exception;
            Assert.That(text, Does.Not.Contain(FakeAlpacaServer.Secret).And.Not.Contain(FakeAlpacaServer.KeyId), text);
        }
    }

    [Test]
    public void Constructor_NothingSubscribed_Throws()
    {
        var options = new AlpacaStreamOptions();

        Assert.That(() => new AlpacaStreamSession(options, Credentials(), AlpacaTestData.Instruments(), new ConcurrentRecordingSink(), new CapturingLogger()),
            Throws.ArgumentException.With.Message.Contains("subscribes to nothing"));
    }

    [Test]
    public void Constructor_InvalidOptions_ThrowsListingThem()
    {
        var options = new AlpacaStreamOptions { Url = "ws://stream.data.alpaca.markets/v2/sip", Trades = ["AAPL"] };

        Assert.That(() => new AlpacaStreamSession(options, Credentials(), AlpacaTestData.Instruments(), new ConcurrentRecordingSink(), new CapturingLogger()),
            Throws.ArgumentException.With.Message.Contains("alpaca.url"));
    }
}
