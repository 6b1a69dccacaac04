using Engine.Admin;
using Engine.Config;
using Engine.Host;
using Engine.Metrics;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Risk;
using Engine.Tests.Support;
using Engine.Venues;
using Engine.Venues.Alpaca;
using Feeds;
using Feeds.Synthetic;
using Feeds.Transport;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>
/// The engine on <c>venues.kind: Alpaca</c> against the fake trading server over real loopback
/// sockets (REST and the trade_updates stream, over http/ws or https/wss with a certificate made at
/// test time): operator orders through the loop, risk and router, out through the gateway thread,
/// fills back from the stream into the positions.
/// </summary>
public sealed class AlpacaGatewayEndToEndTests
{
    private static readonly TimeSpan s_wait = TestTimeouts.Join;

    private FakeAlpacaTradingServer _server = null!;
    private readonly List<EngineHost> _hosts = [];
    private readonly List<CapturingLoggerFactory> _logs = [];
    private TestCertificate? _certificate;
    private long _requestId;

    [SetUp]
    public async Task SetUp() => _server = await FakeAlpacaTradingServer.StartAsync();

    [TearDown]
    public async Task TearDown()
    {
        foreach (var host in _hosts)
        {
            host.Stop();
            host.Dispose();
        }
        await _server.DisposeAsync();
        _certificate?.Dispose();
        _certificate = null;
        foreach (var log in _logs)
        {
            AlpacaClientHarness.AssertNoSecretIn(log.Logger);
        }
        _hosts.Clear();
        _logs.Clear();
    }

    [Test]
    public void MarketOrder_AcceptedAndFilledAtTheVenue_ReachesThePosition()
    {
        var host = StartHost();

        string id = Place(host, Side.Buy, 100);
        var order = WaitForOrder(id);
        _server.Fill(id, 100, "1.0001");

        Eventually.Until(() => host.Router.Snapshot.Fills == 1 && host.Risk.Snapshot.OpenPositions == 1, s_wait, "the stream's fill reached the position");
        Assert.That((order.Symbol, order.Qty, order.Side, order.Type, order.TimeInForce), Is.EqualTo(("SYN0", "100", "buy", "market", "day")));
        Assert.That(_server.CountWithClientOrderId(id), Is.EqualTo(1));
        Stop(host);
        Assert.That(host.Risk.Positions[0].Quantity, Is.EqualTo(100));
        Assert.That(host.Alpaca!.Handler.Placed, Is.EqualTo(1));
    }

    [Test]
    public async Task MarketOrderOverHttpsAndWss_TestRootTrusted_FillReachesThePosition()
    {
        await UseHttpsServerAsync();
        var host = StartHost(alpaca => alpaca.TrustedRootCertificatePath = _certificate!.PemPath);

        string id = Place(host, Side.Buy, 100);
        WaitForOrder(id);
        _server.Fill(id, 100, "1.0001");

        Eventually.Until(() => host.Router.Snapshot.Fills == 1 && host.Risk.Snapshot.OpenPositions == 1, s_wait, "the wss stream's fill reached the position");
        Assert.That(_server.StreamUrl, Does.StartWith("wss://127.0.0.1:"));
        Assert.That(_server.ListeningStreams, Is.EqualTo(1));
        Assert.That(_server.CountWithClientOrderId(id), Is.EqualTo(1));
        Stop(host);
        Assert.That(host.Risk.Positions[0].Quantity, Is.EqualTo(100));
    }

    [Test]
    public async Task HttpsAndWss_TestRootNotTrusted_NothingReachesTheVenueAndOrdersAreHeld()
    {
        await UseHttpsServerAsync();
        var host = StartHost(waitUntilReady: false);
        var log = _logs[^1].Logger;
        Eventually.Until(() => log.Entries.Count(e => e.Message.Contains("alpaca-trade-updates: connect attempt", StringComparison.Ordinal)) >= 2, s_wait,
            "the stream failed to connect twice");

        string id = Place(host, Side.Buy, 100);

        Eventually.Until(() => host.Alpaca!.Handler.Held == 1, s_wait, "the order is held while the stream is down");
        Assert.That(host.VenueReady, Is.False);
        Assert.That(_server.Requests, Is.Empty, "no REST request got through the TLS handshake");
        Assert.That(_server.StreamConnections, Is.Zero, "the stream never came up");
        Assert.That(_server.CountWithClientOrderId(id), Is.Zero);
        Assert.That(log.Entries.Select(e => e.Message), Has.Some.Contains("SecureConnectionError"), "the REST client's TLS handshake is what failed");
        Stop(host);
        Assert.That(host.Router.Snapshot.Fills, Is.Zero);
    }

    [Test]
    public void CancelOfARestingOrder_CanceledAtTheVenueAndClosedInTheEngine()
    {
        var host = StartHost();
        string id = Place(host, Side.Buy, 100, limitTicks: 9_900);
        WaitForOrder(id);
        Eventually.Until(() => host.Risk.Snapshot.OpenOrders == 1, s_wait, "the order is open");

        long requestId = ++_requestId;
        host.Send(ControlCommand.CancelOrder, new OrderIntent(ClientOrderIdOf(id), 0, Side.None, OrderType.None, TimeInForce.None, 0), requestId);
        Assert.That(host.Admin.WaitFor(requestId, s_wait) && host.Admin.Found, Is.True, "the loop sent the cancel");

        Eventually.Until(() => host.Risk.Snapshot.OpenOrders == 0, s_wait, "the stream's canceled closed the order");
        Assert.That(_server.Orders().Single().Status, Is.EqualTo("canceled"));
    }

    [Test]
    public void PostTimesOutAfterTheVenueAccepted_ExactlyOneOrderAtTheVenue()
    {
        var host = StartHost(alpaca => alpaca.RequestTimeoutMs = 300);
        _server.Inject("POST /v2/orders", FakeAlpacaFault.Slow());

        string id = Place(host, Side.Buy, 10);
        Eventually.Until(() => host.Alpaca!.Handler.Placed == 1, s_wait, "the lookup found the order");
        _server.Fill(id, 10, "1.0000");

        Eventually.Until(() => host.Router.Snapshot.Fills == 1, s_wait, "the fill reached the router");
        Assert.That(_server.CountWithClientOrderId(id), Is.EqualTo(1));
        Assert.That(_server.CountRequests("POST /v2/orders"), Is.EqualTo(1), "never re-sent");
        Assert.That(host.Alpaca!.Handler.Unknown, Is.Zero);
    }

    [Test]
    public void TooManyRequestsStorm_EveryOrderPlacedOnce()
    {
        var host = StartHost(alpaca => alpaca.MaxRetries = 10);
        _server.Inject("POST /v2/orders", FakeAlpacaFault.TooManyRequests("0"), times: 6);

        var ids = new[] { Place(host, Side.Buy, 10), Place(host, Side.Buy, 20), Place(host, Side.Sell, 5) };

        Eventually.Until(() => host.Alpaca!.Handler.Placed == 3, s_wait, "every order placed");
        Assert.That(ids.Select(_server.CountWithClientOrderId), Is.All.EqualTo(1));
        Assert.That(_server.Orders(), Has.Count.EqualTo(3));
        Assert.That(host.Alpaca!.Handler.Rejected, Is.Zero);
    }

    [Test]
    public void StreamDropsWhileAnOrderIsLive_NewOrdersHeldThenReconciledAndSent()
    {
        var host = StartHost();
        string live = Place(host, Side.Buy, 100, limitTicks: 9_900);
        WaitForOrder(live);

        _server.RefuseStreams = true;
        _server.DropStreams();
        Eventually.Until(() => !host.VenueReady, s_wait, "the gateway saw the stream go down");
        _server.Fill(live, 40, "0.99");
        string held = Place(host, Side.Buy, 10);
        Eventually.Until(() => host.Alpaca!.Handler.Held == 1, s_wait, "the new order is held");
        Assert.That(_server.CountWithClientOrderId(held), Is.Zero, "not sent blind");

        _server.RefuseStreams = false;

        Eventually.Until(() => host.VenueReady && _server.CountWithClientOrderId(held) == 1, s_wait, "reconciled, then the held order sent");
        Eventually.Until(() => host.Router.Snapshot.Fills == 1, s_wait, "the fill missed while down was reconciled");
        Assert.That(host.Alpaca!.Handler.HeldTotal, Is.EqualTo(1));
        Stop(host);
        Assert.That(host.Risk.Positions[0].Quantity, Is.EqualTo(40));
        Assert.That(host.Router.Orders.Find(ClientOrderIdOf(live)), Is.GreaterThanOrEqualTo(0), "the partly filled order is still open");
    }

    [Test]
    public void Metrics_StreamDropsAndComesBack_ShowTheStreamStateReconnectAndRatePermits()
    {
        var host = StartHost(alpaca => { alpaca.RateLimitPerMinute = 1_001; alpaca.RateLimitBurst = 1_000; });
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new EngineMetrics(host, registry);

        string first = Scrape(metrics, registry);
        Assert.That(first, Does.Contain("engine_venue_stream_connected 1\n").And.Contain("engine_venue_stream_reconnects_total 0\n"));
        var permits = System.Text.RegularExpressions.Regex.Match(first, "\nengine_venue_rate_limit_permits ([0-9]+)\n");
        Assert.That(permits.Success, Is.True, "a permit count is served");
        Assert.That(long.Parse(permits.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 999), "the start-up reconciliation took some of the burst (one permit comes back a minute)");

        _server.RefuseStreams = true;
        _server.DropStreams();
        Eventually.Until(() => Scrape(metrics, registry).Contains("engine_venue_stream_connected 0\n", StringComparison.Ordinal), s_wait, "the stream is down");
        _server.RefuseStreams = false;

        Eventually.Until(() => Scrape(metrics, registry).Contains("engine_venue_stream_connected 1\n", StringComparison.Ordinal), s_wait, "the stream is up again");
        Assert.That(Scrape(metrics, registry), Does.Contain("engine_venue_stream_reconnects_total 1\n"));
    }

    private static string Scrape(EngineMetrics metrics, Prometheus.CollectorRegistry registry)
    {
        metrics.Publish();
        using var text = new MemoryStream();
        registry.CollectAndExportAsTextAsync(text).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(text.ToArray());
    }

    [Test]
    public void RestartWithOpenOrdersAndAPositionAtTheVenue_ReportedAtStartUpAndPositionAdopted()
    {
        // The first engine ends without cancelling (as a crash would), leaving its order at the venue.
        var first = StartHost(cancelOrdersOnStop: false);
        string open = Place(first, Side.Buy, 30, limitTicks: 9_900);
        WaitForOrder(open);
        Stop(first);
        _server.SetPositions(("SYN0", "50", "1.02"));

        var second = StartHost();

        var log = _logs[^1].Logger;
        Assert.That(log.Entries.Select(e => e.Message), Has.Some.Contains("UnknownVenueOrder SYN0 " + open));
        Assert.That(log.Entries.Select(e => e.Message), Has.Some.Contains("PositionMismatch SYN0"));
        Eventually.Until(() => second.Router.Snapshot.Fills == 1 && second.Risk.Snapshot.OpenPositions == 1, s_wait, "the venue's position was adopted");
        Stop(second);
        Assert.That(second.Risk.Positions[0].Quantity, Is.EqualTo(50));
    }

    /// <summary>Replaces the http fake by one speaking https and wss with a certificate for 127.0.0.1 and localhost.</summary>
    private async Task UseHttpsServerAsync()
    {
        await _server.DisposeAsync();
        _certificate = TestCertificate.Create();
        _server = await FakeAlpacaTradingServer.StartAsync(_certificate.Server);
    }

    private EngineHost StartHost(Action<AlpacaTradingOptions>? tweak = null, bool waitUntilReady = true, bool cancelOrdersOnStop = true)
    {
        var alpaca = new AlpacaTradingOptions
        {
            BaseUrl = _server.BaseUrl,
            StreamUrl = _server.StreamUrl,
            RequestTimeoutMs = AlpacaClientHarness.TimeoutMs,
            RateLimitPerMinute = 600_000,
            RateLimitBurst = 1_000,
            RetryBackoffBaseMs = 5,
            RetryBackoffCapMs = 50,
            Stream = new AlpacaTradeUpdatesOptions
            {
                Transport = new WebSocketTransportOptions { StaleTimeoutMs = 0, ReconnectInitialDelayMs = 10, ReconnectMaxDelayMs = 100, KeepAliveIntervalMs = 15_000, KeepAliveTimeoutMs = 10_000 },
            },
        };
        tweak?.Invoke(alpaca);
        var options = new EngineOptions
        {
            Ring = new RingOptions { Slots = 4096, Producers = ProducerType.Multi, WaitStrategy = WaitStrategyKind.Yielding, MaxBatchSize = 256 },
            Pipeline = new PipelineOptions { CancelOrdersOnStop = cancelOrdersOnStop, Thread = new LoopThreadOptions { Name = "alpaca-e2e", CpuSet = [], Nice = 0 } },
            Synthetic = new SyntheticFeedOptions { Instruments = 2, RateEventsPerSecond = 20_000, Seed = 3 },
            Venues = new VenueOptions { Kind = VenueKind.Alpaca, Alpaca = alpaca },
            StatusIntervalMs = 0,
        };
        var errors = new List<string>();
        options.Venues.Validate("venues", errors);
        Assert.That(errors, Is.Empty);
        var logs = new CapturingLoggerFactory();
        _logs.Add(logs);
        var host = new EngineHost(options, logs, environment: Credential);
        _hosts.Add(host);
        host.Start();
        Eventually.Until(() => host.Status().EventsProcessed > 2_000 && (host.VenueReady || !waitUntilReady), s_wait, "the books have a market and the venue is ready");
        return host;
    }

    private static string? Credential(string name) => name switch
    {
        AlpacaTradingOptions.KeyIdVariable => FakeAlpacaTradingServer.KeyId,
        AlpacaTradingOptions.SecretKeyVariable => FakeAlpacaTradingServer.Secret,
        _ => null,
    };

    private string Place(EngineHost host, Side side, long quantity, long limitTicks = 0)
    {
        long requestId = ++_requestId;
        var intent = limitTicks == 0
            ? new OrderIntent(0, 0, side, OrderType.Market, TimeInForce.Day, quantity)
            : new OrderIntent(0, 0, side, OrderType.Limit, TimeInForce.Gtc, quantity, LimitPriceTicks: limitTicks);
        host.Send(ControlCommand.PlaceOrder, in intent, requestId);
        Assert.That(host.Admin.WaitFor(requestId, s_wait), Is.True, "the loop answered");
        Assert.That(host.Admin.Reason, Is.EqualTo(RiskRejectReason.None));
        return ClientOrderIds.Format(host.Admin.ClientOrderId);
    }

    private FakeAlpacaOrder WaitForOrder(string clientOrderId)
    {
        Eventually.Until(() => _server.CountWithClientOrderId(clientOrderId) == 1, s_wait, "the venue has " + clientOrderId);
        return _server.Orders().Single(o => o.ClientOrderId == clientOrderId);
    }

    private static long ClientOrderIdOf(string text) => ClientOrderIds.TryParse(text, out long id) ? id : 0;

    private static void Stop(EngineHost host) => Assert.That(host.Stop(), Is.True, "the engine stopped cleanly");
}
