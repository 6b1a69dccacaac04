using Engine.Orders;
using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>Every endpoint of <see cref="AlpacaRestClient"/> against the fake over loopback, without faults.</summary>
public sealed class AlpacaRestClientTests
{
    private AlpacaClientHarness _harness = null!;

    private FakeAlpacaTradingServer Server => _harness.Server;

    private AlpacaRestClient Client => _harness.Client;

    [SetUp]
    public async Task StartAsync() => _harness = await AlpacaClientHarness.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    [Test]
    public async Task RatePermitsLeft_AfterTwoRequests_IsTheBurstLessTwo()
    {
        // One token a minute: none comes back while the test runs.
        _harness.Options.RateLimitPerMinute = 11;
        _harness.Options.RateLimitBurst = 10;
        Assert.That(Client.RatePermitsLeft, Is.EqualTo(10));

        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-p1"), CancellationToken.None);
        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-p2"), CancellationToken.None);

        Assert.That(Client.RatePermitsLeft, Is.EqualTo(8));
    }

    [Test]
    public async Task PlaceOrderAsync_LimitOrder_IsAcceptedOnceWithTheVenuesOrder()
    {
        var result = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-1"), CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(result.Order!.ClientOrderId, Is.EqualTo("eng-1"));
        Assert.That(result.Order.Status, Is.EqualTo("new"));
        Assert.That(result.Order.LimitPrice, Is.EqualTo("126.55"));
        Assert.That(result.Order.Id, Is.EqualTo(Server.Orders().Single().Id));
        Assert.That(Server.Requests.Single().Authorized, Is.True);
    }

    [Test]
    public async Task PlaceOrderAsync_TrailingStop_SendsSnakeCaseFieldsWithDecimalStringsAndNoNulls()
    {
        var request = new AlpacaOrderRequest("MSFT", "3", "sell", "trailing_stop", "gtc", "eng-2", TrailPrice: "1.25");

        var result = await Client.PlaceOrderAsync(request, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(Server.OrderBodies.Single(), Is.EqualTo(
            """{"symbol":"MSFT","qty":"3","side":"sell","type":"trailing_stop","time_in_force":"gtc","client_order_id":"eng-2","trail_price":"1.25","extended_hours":false}"""));
        Assert.That(Server.Orders().Single().TrailPrice, Is.EqualTo("1.25"));
    }

    [Test]
    public async Task GetOpenOrdersAsync_SomeFilledSomeOpen_ListsTheOpenOnes()
    {
        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-10"), CancellationToken.None);
        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-11"), CancellationToken.None);
        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-12"), CancellationToken.None);
        Server.Fill("eng-11", 10, "126.55");
        Server.Fill("eng-12", 4, "126.50");

        var open = await Client.GetOpenOrdersAsync(CancellationToken.None);

        Assert.That(open.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(open.Value.Select(o => (o.ClientOrderId, o.Status, o.FilledQty)),
            Is.EqualTo(new[] { ("eng-10", "new", "0"), ("eng-12", "partially_filled", "4") }));
        Assert.That(Server.Requests[^1].Query, Does.Contain("status=open"));
    }

    [Test]
    public async Task GetOrderByClientOrderIdAsync_KnownId_ReturnsTheOrder()
    {
        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-20"), CancellationToken.None);

        var found = await Client.GetOrderByClientOrderIdAsync("eng-20", CancellationToken.None);

        Assert.That(found.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(found.Value!.ClientOrderId, Is.EqualTo("eng-20"));
        Assert.That(Server.Requests[^1].Query, Is.EqualTo("?client_order_id=eng-20"));
    }

    [Test]
    public async Task GetOrderByClientOrderIdAsync_UnknownId_IsOkWithNull()
    {
        var found = await Client.GetOrderByClientOrderIdAsync("eng-404", CancellationToken.None);

        Assert.That(found.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(found.Value, Is.Null);
    }

    [Test]
    public async Task CancelOrderAsync_OrderPlacedByThisClient_DeletesByTheRememberedVenueId()
    {
        var placed = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-30"), CancellationToken.None);

        var canceled = await Client.CancelOrderAsync("eng-30", CancellationToken.None);

        Assert.That(canceled.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(Server.Orders().Single().Status, Is.EqualTo("canceled"));
        Assert.That(Server.Requests.Select(r => r.Route), Is.EqualTo(new[] { "POST /v2/orders", "DELETE /v2/orders/" + placed.Order!.Id }));
    }

    [Test]
    public async Task CancelOrderAsync_VenueIdNotKnown_LooksItUpFirst()
    {
        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-31"), CancellationToken.None);
        using var other = new AlpacaRestClient(_harness.Options, AlpacaClientHarness.Credentials(), _harness.Log, _harness.Delays);

        var canceled = await other.CancelOrderAsync("eng-31", CancellationToken.None);

        Assert.That(canceled.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(Server.Requests.Select(r => r.Route).Skip(1),
            Is.EqualTo(new[] { "GET /v2/orders:by_client_order_id", "DELETE /v2/orders/" + Server.Orders().Single().Id }));
    }

    [Test]
    public async Task CancelOrderAsync_NoSuchClientOrderId_IsRefusedNotFound()
    {
        var canceled = await Client.CancelOrderAsync("eng-32", CancellationToken.None);

        Assert.That(canceled.Outcome, Is.EqualTo(AlpacaOutcome.Refused));
        Assert.That(canceled.Error!.Reason, Is.EqualTo(VenueRejectReason.NotFound));
    }

    [Test]
    public async Task CancelOrderAsync_OrderAlreadyFilled_IsRefusedNotCancelable()
    {
        await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-33"), CancellationToken.None);
        Server.Fill("eng-33", 10, "126.55");

        var canceled = await Client.CancelOrderAsync("eng-33", CancellationToken.None);

        Assert.That(canceled.Outcome, Is.EqualTo(AlpacaOutcome.Refused));
        Assert.That(canceled.Error!.Reason, Is.EqualTo(VenueRejectReason.NotCancelable));
        Assert.That(canceled.Error.HttpStatus, Is.EqualTo(422));
    }

    [Test]
    public async Task GetPositionsAsync_TwoPositions_ReadsThemExactly()
    {
        Server.SetPositions(("AAPL", "100", "126.5512"), ("TSLA", "-5", "250.1"));

        var positions = await Client.GetPositionsAsync(CancellationToken.None);

        Assert.That(positions.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(positions.Value.Select(p => (p.Symbol, p.Qty, p.AvgEntryPrice, p.Side)),
            Is.EqualTo(new[] { ("AAPL", "100", "126.5512", "long"), ("TSLA", "-5", "250.1", "short") }));
        Assert.That(AlpacaDecimals.TryParseTicks(positions.Value[0].AvgEntryPrice, 4, out long ticks) && ticks == 1_265_512, Is.True);
    }

    [Test]
    public async Task GetAccountAsync_Always_ReadsTheAccount()
    {
        var account = await Client.GetAccountAsync(CancellationToken.None);

        Assert.That(account.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That((account.Value.Status, account.Value.BuyingPower, account.Value.Cash, account.Value.TradingBlocked),
            Is.EqualTo(("ACTIVE", "100000.50", "50000.25", false)));
    }

    [Test]
    public async Task AnyRequest_WrongSecret_IsRefusedUnauthorizedWithoutRetryOrSecretInText()
    {
        const string WrongSecret = "wrong-secret-Pp0Oo9";
        using var client = new AlpacaRestClient(_harness.Options, AlpacaClientHarness.Credentials(secret: WrongSecret), _harness.Log, _harness.Delays);

        var account = await client.GetAccountAsync(CancellationToken.None);
        var placed = await client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-40"), CancellationToken.None);

        Assert.That(account.Outcome, Is.EqualTo(AlpacaOutcome.Refused));
        Assert.That(account.Error!.Reason, Is.EqualTo(VenueRejectReason.Unauthorized));
        Assert.That(placed.Error!.Reason, Is.EqualTo(VenueRejectReason.Unauthorized));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
        Assert.That(Server.Orders(), Is.Empty);
        Assert.That(_harness.Log.Entries.Select(e => e.Message), Has.None.Contains(WrongSecret));
        Assert.That(placed.ToString() + account.Error, Does.Not.Contain(WrongSecret));
    }

    [Test]
    public async Task ToString_ClientOptionsCredentialsAndResults_NeverShowACredential()
    {
        var credentials = AlpacaClientHarness.Credentials();
        var placed = await Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-50"), CancellationToken.None);

        string text = string.Join(" ", Client, _harness.Options, credentials, placed, placed.Order);

        Assert.That(text, Does.Not.Contain(FakeAlpacaTradingServer.Secret).And.Not.Contain(FakeAlpacaTradingServer.KeyId));
    }
}
