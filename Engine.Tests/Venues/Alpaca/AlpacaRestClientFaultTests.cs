using Engine.Orders;
using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>
/// <see cref="AlpacaRestClient"/> against a fake that fails on purpose: 429, 5xx, slow answers,
/// dropped connections and Alpaca's error bodies. The rule under test: an order is placed exactly
/// once, whatever happens to its POST.
/// </summary>
public sealed class AlpacaRestClientFaultTests
{
    private const string Post = "POST /v2/orders";
    private const string Lookup = "GET /v2/orders:by_client_order_id";

    private AlpacaClientHarness _harness = null!;

    private FakeAlpacaTradingServer Server => _harness.Server;

    private AlpacaRestClient Client => _harness.Client;

    [SetUp]
    public async Task StartAsync() => _harness = await AlpacaClientHarness.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    [Test]
    public async Task PlaceOrderAsync_TimeoutAfterTheVenueAccepted_LooksUpAndPlacesExactlyOnce()
    {
        _harness.Options.RequestTimeoutMs = AlpacaClientHarness.ShortTimeoutMs;
        Server.Inject(Post, FakeAlpacaFault.Slow());

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-1"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(result.Order!.Id, Is.EqualTo(Server.Orders().Single().Id));
        Assert.That(Server.CountWithClientOrderId("eng-1"), Is.EqualTo(1));
        Assert.That(Server.CountRequests(Post), Is.EqualTo(1), "never sent again");
        Assert.That(Server.CountRequests(Lookup), Is.GreaterThanOrEqualTo(1), "looked up instead");
    }

    [Test]
    public async Task PlaceOrderAsync_ConnectionDroppedAfterTheVenueAccepted_LooksUpAndPlacesExactlyOnce()
    {
        Server.Inject(Post, FakeAlpacaFault.DropAfterServing());

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-2"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(result.Order!.Id, Is.EqualTo(Server.Orders().Single().Id));
        Assert.That(Server.CountWithClientOrderId("eng-2"), Is.EqualTo(1));
        Assert.That(Server.CountRequests(Lookup), Is.GreaterThanOrEqualTo(1), "looked up before anything else");
    }

    [Test]
    public async Task PlaceOrderAsync_ConnectionDroppedOnAReusedConnection_PlacesExactlyOnce()
    {
        // A dropped keep-alive connection is the case where the HTTP stack itself may repeat the
        // request on a fresh connection: the venue's 422 for the taken id then leads to the lookup.
        await Client.GetAccountAsync(CancellationToken.None);
        Server.Inject(Post, FakeAlpacaFault.DropAfterServing());

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-3"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(Server.CountWithClientOrderId("eng-3"), Is.EqualTo(1));
        Assert.That(Server.CountRequests(Lookup), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task PlaceOrderAsync_ConnectionDroppedBeforeTheVenueServed_LooksUpThenSendsOnce()
    {
        Server.Inject(Post, FakeAlpacaFault.DropBeforeServing());

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-4"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(Server.CountWithClientOrderId("eng-4"), Is.EqualTo(1));
        Assert.That(Server.OrderBodies.Count(body => body.Contains("\"eng-4\"", StringComparison.Ordinal)), Is.EqualTo(1), "served once");
    }

    [Test]
    public async Task PlaceOrderAsync_ServerErrorThenSuccess_LooksUpThenPlacesOnce()
    {
        Server.Inject(Post, FakeAlpacaFault.ServerError(500));

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-5"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(Server.CountWithClientOrderId("eng-5"), Is.EqualTo(1));
        Assert.That(Server.Requests.Select(r => r.Route), Is.EqualTo(new[] { Post, Lookup, Post }), "a 5xx may hide an accepted order: looked up first");
    }

    [Test]
    public async Task GetAccountAsync_ServerErrorsThenSuccess_Retries()
    {
        Server.Inject("GET /v2/account", FakeAlpacaFault.ServerError(502), times: 2);

        var account = await Client.GetAccountAsync(CancellationToken.None);

        Assert.That(account.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(Server.CountRequests("GET /v2/account"), Is.EqualTo(3));
        Assert.That(_harness.Delays.Delays, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task PlaceOrderAsync_TooManyRequestsThenSuccess_SendsAgainWithoutLookup()
    {
        Server.Inject(Post, FakeAlpacaFault.TooManyRequests(), times: 2);

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-6"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(Server.Requests.Select(r => r.Route), Is.EqualTo(new[] { Post, Post, Post }), "a 429 was not served: no lookup needed");
        Assert.That(Server.CountWithClientOrderId("eng-6"), Is.EqualTo(1));
    }

    [Test]
    public async Task PlaceOrderAsync_RetryAfterInSeconds_WaitsAtLeastThat()
    {
        Server.Inject(Post, FakeAlpacaFault.TooManyRequests(retryAfter: "1"));

        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-7"), CancellationToken.None);

        Assert.That(_harness.Delays.Delays.Single(), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task PlaceOrderAsync_RetryAfterAsHttpDate_WaitsUntilThatTime()
    {
        string date = ImmediateDelays.Now.AddSeconds(2).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Server.Inject(Post, FakeAlpacaFault.TooManyRequests(retryAfter: date));

        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-8"), CancellationToken.None);

        Assert.That(_harness.Delays.Delays.Single(), Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task PlaceOrderAsync_RetryAfterBeyondTheCap_GivesUpRefusedRateLimited()
    {
        Server.Inject(Post, FakeAlpacaFault.TooManyRequests(retryAfter: "3600"));

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-9"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Refused), "a 429 was never served: the order is known not to exist");
        Assert.That(result.Error!.Reason, Is.EqualTo(VenueRejectReason.RateLimited));
        Assert.That(Server.Orders(), Is.Empty);
        Assert.That(_harness.Delays.Delays, Is.Empty);
    }

    [Test]
    public async Task PlaceOrderAsync_NoAnswerEver_IsUnknownAfterTheRetries()
    {
        _harness.Options.RequestTimeoutMs = AlpacaClientHarness.ShortTimeoutMs;
        Server.Inject(Post, FakeAlpacaFault.Slow());
        Server.Inject(Lookup, FakeAlpacaFault.ServerError(503), times: 10);
        _harness.Options.MaxRetries = 2;

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-10"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Unknown));
        Assert.That(result.Error!.Reason, Is.EqualTo(VenueRejectReason.VenueUnavailable));
        Assert.That(Server.CountRequests(Post), Is.EqualTo(1), "never sent again while the first may exist");
        Assert.That(Server.CountRequests(Lookup), Is.EqualTo(2));
    }

    [Test]
    public async Task PlaceOrderAsync_RateLimitedAfterAnUncertainTry_IsUnknownNotRefused()
    {
        // The lookup's 404 allows the resend, but the first POST could still land later: when the
        // retries run out, the honest answer is "unknown", for the gateway to reconcile.
        Server.Inject(Post, FakeAlpacaFault.DropBeforeServing());
        Server.Inject(Post, FakeAlpacaFault.TooManyRequests(), times: 10);

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-19"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Unknown));
        Assert.That(result.Error!.Reason, Is.EqualTo(VenueRejectReason.RateLimited));
        Assert.That(Server.Orders(), Is.Empty);
    }

    [Test]
    public async Task PlaceOrderAsync_VenueHasTheIdAlready_ReturnsThatOrder()
    {
        _harness.Options.MaxRetries = 0;
        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-11"), CancellationToken.None);

        var again = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-11"), CancellationToken.None);

        Assert.That(again.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(Server.CountWithClientOrderId("eng-11"), Is.EqualTo(1));
    }

    [Test]
    public async Task PlaceOrderAsync_IdHeldByAnotherOrder_IsRefusedNotTakenForOurs()
    {
        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-12"), CancellationToken.None);

        var other = await Client.PlaceOrderAsync(new AlpacaOrderRequest("MSFT", "1", "sell", "market", "day", "eng-12"), CancellationToken.None);

        Assert.That(other.Outcome, Is.EqualTo(AlpacaOutcome.Refused));
        Assert.That(other.Error!.Reason, Is.EqualTo(VenueRejectReason.InvalidOrder));
    }

    [Test]
    public async Task PlaceOrderAsync_InvalidFieldWithTheDuplicateCode_IsRefusedAfterOneLookup()
    {
        _harness.Options.MaxRetries = 0; // the lookup spends no retry
        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-13", qty: "-1"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Refused));
        Assert.That(result.Error!.Reason, Is.EqualTo(VenueRejectReason.InvalidOrder));
        Assert.That(Server.Requests.Select(r => r.Route), Is.EqualTo(new[] { Post, Lookup }));
    }

    [TestCase(403, 40310000, "insufficient buying power", VenueRejectReason.InsufficientBuyingPower)]
    [TestCase(422, 42210000, "invalid limit_price 290.123. sub-penny increment does not fulfill minimum pricing criteria", VenueRejectReason.InvalidOrder)]
    [TestCase(404, 40410000, "asset not found", VenueRejectReason.NotFound)]
    [TestCase(401, 40110000, "request is not authorized", VenueRejectReason.Unauthorized)]
    [TestCase(403, 40310100, "trading is blocked", VenueRejectReason.Unauthorized)]
    [TestCase(400, 40010000, "request body format is invalid", VenueRejectReason.InvalidOrder)]
    public async Task PlaceOrderAsync_AlpacaErrorBody_IsRefusedWithTheTypedReason(int status, int code, string message, VenueRejectReason reason)
    {
        Server.Inject(Post, FakeAlpacaFault.Error(status, code, message));

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-14"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Refused));
        Assert.That(result.Error, Is.EqualTo(new AlpacaError(status, code, message, reason)));
        Assert.That(Server.Requests, Has.Count.EqualTo(1), "a refusal is final");
    }

    [Test]
    public async Task PlaceOrderAsync_TooManyRequestsEveryTime_IsRefusedRateLimited()
    {
        Server.Inject(Post, FakeAlpacaFault.TooManyRequests(), times: 10);

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-15"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Refused));
        Assert.That(result.Error!.Reason, Is.EqualTo(VenueRejectReason.RateLimited));
        Assert.That(Server.CountRequests(Post), Is.EqualTo(5), "the first try and 4 retries");
    }

    [Test]
    public async Task GetPositionsAsync_ServerErrorEveryTime_IsUnknownVenueUnavailable()
    {
        Server.Inject("GET /v2/positions", FakeAlpacaFault.ServerError(503), times: 10);

        var positions = await Client.GetPositionsAsync(CancellationToken.None);

        Assert.That(positions.Outcome, Is.EqualTo(AlpacaOutcome.Unknown));
        Assert.That(positions.Error!.Reason, Is.EqualTo(VenueRejectReason.VenueUnavailable));
        Assert.That(positions.Value, Is.Empty);
    }

    [Test]
    public async Task GetOpenOrdersAsync_SlowAnswer_TimesOutAndRetries()
    {
        _harness.Options.RequestTimeoutMs = AlpacaClientHarness.ShortTimeoutMs;
        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-16"), CancellationToken.None);
        Server.Inject("GET /v2/orders", FakeAlpacaFault.Slow());

        var open = await Client.GetOpenOrdersAsync(CancellationToken.None);

        Assert.That(open.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(open.Value.Single().ClientOrderId, Is.EqualTo("eng-16"));
        Assert.That(Server.CountRequests("GET /v2/orders"), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task CancelOrderAsync_TimeoutAfterTheVenueCanceled_ChecksTheOrderAndReportsOk()
    {
        _harness.Options.RequestTimeoutMs = AlpacaClientHarness.ShortTimeoutMs;
        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-17"), CancellationToken.None);
        Server.Inject(AnyDelete(), FakeAlpacaFault.Slow());

        var canceled = await Client.CancelOrderAsync("eng-17", CancellationToken.None);

        Assert.That(canceled.Outcome, Is.EqualTo(AlpacaOutcome.Ok), "the retry's 422 (already canceled) is checked against the order's state");
        Assert.That(Server.Orders().Single().Status, Is.EqualTo("canceled"));
    }

    [Test]
    public async Task AnyRequest_ServerMessageQuotingTheSecret_IsRedacted()
    {
        Server.Inject(Post, FakeAlpacaFault.Error(403, 40310000, "key " + FakeAlpacaTradingServer.KeyId + " secret " + FakeAlpacaTradingServer.Secret));

        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-18"), CancellationToken.None);

        Assert.That(result.Error!.Message, Is.EqualTo("key [redacted] secret [redacted]"));
        Assert.That(result.ToString(), Does.Not.Contain(FakeAlpacaTradingServer.Secret));
    }

    [Test]
    public async Task PlaceOrderAsync_StormOfTooManyRequests_HoldsTheRateAndPlacesEveryOrderOnce()
    {
        // 20 requests a second after a burst of 5, retries without waits: only the limiter paces them.
        const int PerMinute = 1_200;
        const int Burst = 5;
        const int Orders = 12;
        _harness.Options.RateLimitPerMinute = PerMinute;
        _harness.Options.RateLimitBurst = Burst;
        _harness.Options.MaxRetries = 6;
        var tries = new Dictionary<string, int>(); // the fake calls the policy under its lock
        Server.SetFaultPolicy(request =>
        {
            if (request.Route != Post)
            {
                return null;
            }
            using var body = System.Text.Json.JsonDocument.Parse(request.Body);
            string id = body.RootElement.GetProperty("client_order_id").GetString()!;
            tries[id] = tries.GetValueOrDefault(id) + 1;
            return tries[id] <= 2 ? FakeAlpacaFault.TooManyRequests() : null;
        });

        var placing = Enumerable.Range(0, Orders).Select(i => Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-s" + i), CancellationToken.None));
        var results = await Task.WhenAll(placing);

        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(AlpacaOutcome.Ok));
        for (int i = 0; i < Orders; i++)
        {
            Assert.That(Server.CountWithClientOrderId("eng-s" + i), Is.EqualTo(1));
        }
        Assert.That(Server.Orders(), Has.Count.EqualTo(Orders));
        Assert.That(Server.CountRequests(Post), Is.EqualTo(3 * Orders), "two refusals and one success each, nothing lost or repeated");
        AssertRateHeld(Server.Requests, Burst, TimeSpan.FromTicks(TimeSpan.TicksPerMinute / (PerMinute - Burst)));
    }

    private string AnyDelete() => "DELETE /v2/orders/" + Server.Orders().Single().Id;

    /// <summary>No stretch of arrivals beats the token bucket: burst + elapsed / period (+ 2 for arrival jitter on loopback).</summary>
    private static void AssertRateHeld(IReadOnlyList<FakeAlpacaRequest> requests, int burst, TimeSpan period)
    {
        long[] arrivals = [.. requests.Select(r => r.ArrivedTicks).Order()];
        double periodTicks = period.TotalSeconds * System.Diagnostics.Stopwatch.Frequency;
        for (int i = 0; i < arrivals.Length; i++)
        {
            for (int j = i; j < arrivals.Length; j++)
            {
                double allowed = burst + ((arrivals[j] - arrivals[i]) / periodTicks) + 1 + 2;
                Assert.That(j - i + 1, Is.LessThanOrEqualTo(allowed), $"{j - i + 1} requests arrived within {(arrivals[j] - arrivals[i]) * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F1} ms");
            }
        }
        Assert.That(arrivals, Has.Length.GreaterThan(burst * 3), "the storm made the limiter wait");
    }
}
