using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Engine.Admin;
using Engine.Host;
using Engine.Risk;
using Engine.Tests.Support;

namespace Engine.Tests.Admin;

/// <summary>
/// The operator's path over a real socket: the admin endpoint, the ring, risk, router, the paper
/// venue matching against the synthetic market, and the fills back into the positions.
/// </summary>
public sealed class AdminEndToEndTests
{
    private AdminSession _session = null!;
    private EngineHost _host = null!;
    private HttpClient _http = null!;
    private bool _reloadValid;
    private int _reloads;

    [SetUp]
    public async Task SetUp()
    {
        _reloads = 0;
        _session = await AdminSession.StartAsync("admin-e2e", seed: 3, () =>
        {
            _reloads++;
            return _reloadValid;
        });
        _host = _session.Host;
        _http = _session.Http;
    }

    [TearDown]
    public async Task TearDown() => await _session.DisposeAsync();

    [Test]
    public async Task PlaceMarketOrder_ReachesThePaperVenueAndFillsIntoThePosition()
    {
        using var response = await _http.PostAsJsonAsync("/admin/orders", new { symbol = "SYN0", side = "buy", qty = 100 });

        var answer = await response.Content.ReadFromJsonAsync<AdminAnswer>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer?.ToString());
        Assert.That(answer!.Outcome, Is.EqualTo("sent"));
        Assert.That(answer.ClientOrderId, Does.StartWith("eng-"));
        Eventually.Until(() => _host.Router.Snapshot.Fills > 0 && _host.Risk.Snapshot.OpenPositions == 1, TestTimeouts.LongRun, "the fill reached the position");
    }

    [Test]
    public async Task PlaceRestingLimitThenListThenCancel_ShowsAndRemovesTheOrder()
    {
        // The synthetic market trades about $1.0000; $0.90 is 1,000 bps away, past the default 500 bps collar.
        using var refused = await _http.PostAsJsonAsync("/admin/orders", new { symbol = "SYN0", side = "buy", qty = 100, type = "limit", limitPrice = "0.9" });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await refused.Content.ReadFromJsonAsync<AdminAnswer>())!.Reason, Does.StartWith(nameof(RiskRejectReason.PriceOutsideCollar)));

        using var placed = await _http.PostAsJsonAsync("/admin/orders", new { symbol = "SYN0", side = "buy", qty = 100, type = "limit", limitPrice = "0.98", timeInForce = "gtc" });
        var answer = await placed.Content.ReadFromJsonAsync<AdminAnswer>();
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer?.ToString());

        var listed = await _http.GetFromJsonAsync<List<AdminOrderView>>("/admin/orders");
        Assert.That(listed!.Select(o => o.ClientOrderId), Does.Contain(answer!.ClientOrderId));
        Assert.That(listed!.Single(o => o.ClientOrderId == answer.ClientOrderId).LimitPrice, Is.EqualTo("0.98"));

        using var cancelled = await _http.DeleteAsync($"/admin/orders/{answer.ClientOrderId}");
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Eventually.Until(() => _host.Risk.Snapshot.OpenOrders == 0, TestTimeouts.LongRun, "the venue confirmed the cancel");
        using var again = await _http.DeleteAsync($"/admin/orders/{answer.ClientOrderId}");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task CancelAll_WithTwoRestingOrders_CancelsBothAndKeepsTrading()
    {
        foreach (string price in new[] { "0.98", "0.97" })
        {
            using var placed = await _http.PostAsJsonAsync("/admin/orders", new { symbol = "SYN0", side = "buy", qty = 100, type = "limit", limitPrice = price, timeInForce = "gtc" });
            Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        Eventually.Until(() => _host.Risk.Snapshot.OpenOrders == 2, TestTimeouts.LongRun, "both orders are open");

        using var cancelled = await _http.DeleteAsync("/admin/orders");

        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Eventually.Until(() => _host.Risk.Snapshot.OpenOrders == 0, TestTimeouts.LongRun, "the venue confirmed both cancels");
        Assert.That(_host.Router.Snapshot.CancelsSent, Is.EqualTo(2));
        Assert.That(_host.Risk.Snapshot.TradingState, Is.EqualTo(TradingState.Active), "cancel all is not the kill switch");
    }

    [Test]
    public async Task KillWithFlatten_ClosesThePositionAndHalts()
    {
        using var bought = await _http.PostAsJsonAsync("/admin/orders", new { symbol = "SYN0", side = "buy", qty = 100 });
        Assert.That(bought.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Eventually.Until(() => _host.Risk.Snapshot.OpenPositions == 1, TestTimeouts.LongRun, "the buy filled");

        using var killed = await _http.PostAsync("/admin/kill?flatten=true", null);

        Assert.That(killed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Eventually.Until(() => _host.Risk.Snapshot.OpenPositions == 0, TestTimeouts.LongRun, "the flattening sell filled");
        Assert.That(_host.Risk.Snapshot.TradingState, Is.EqualTo(TradingState.Halted));
    }

    [Test]
    public async Task ReduceOnly_RefusesAnOrderThatOpensAPosition()
    {
        using var reduced = await _http.PostAsync("/admin/reduce-only", null);
        Assert.That(reduced.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Eventually.Until(() => _host.Risk.Snapshot.TradingState == TradingState.Reducing, TestTimeouts.LongRun, "reduce-only reached the loop");

        using var refused = await _http.PostAsJsonAsync("/admin/orders", new { symbol = "SYN0", side = "buy", qty = 100 });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [TestCase(true, HttpStatusCode.OK, "reloaded")]
    [TestCase(false, HttpStatusCode.UnprocessableEntity, "refused")]
    public async Task Reload_RereadsTheConfigurationAndSaysWhetherItApplied(bool valid, HttpStatusCode status, string outcome)
    {
        _reloadValid = valid;

        using var response = await _http.PostAsync("/admin/reload", null);

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That((await response.Content.ReadFromJsonAsync<AdminAnswer>())!.Outcome, Is.EqualTo(outcome));
        Assert.That(_reloads, Is.EqualTo(1));
    }

    [Test]
    public async Task Stop_WithARestingOrder_CancelsItAtTheVenueFirst()
    {
        using var placed = await _http.PostAsJsonAsync("/admin/orders", new { symbol = "SYN0", side = "buy", qty = 100, type = "limit", limitPrice = "0.98", timeInForce = "gtc" });
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Eventually.Until(() => _host.Risk.Snapshot.OpenOrders == 1, TestTimeouts.LongRun, "the order is open");

        Assert.That(_host.Stop(), Is.True);

        Assert.That(_host.Router.Snapshot.CancelsSent, Is.EqualTo(1));
        Assert.That(_host.Risk.Snapshot.OpenOrders, Is.Zero, "the venue confirmed the cancel before the loop stopped");
    }

    [Test]
    public async Task InvalidOrder_GetsEveryProblemAndChangesNothing()
    {
        using var response = await _http.PostAsJsonAsync("/admin/orders", new { symbol = "NOPE", side = "hold", qty = -1, timeInForce = "week" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var answer = await response.Content.ReadFromJsonAsync<AdminAnswer>();
        Assert.That(answer!.Problems, Has.Count.EqualTo(4));
        Assert.That(_host.Router.Snapshot.Sent, Is.Zero);
    }

    [Test]
    public async Task MalformedJson_IsABadRequest()
    {
        using var content = new StringContent("{ \"symbol\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/admin/orders", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task KillThenResume_ChangeTheTradingState()
    {
        (await _http.PostAsync("/admin/kill", null)).Dispose();
        Eventually.Until(() => _host.Risk.Snapshot.TradingState == TradingState.Halted, TestTimeouts.LongRun, "halted");

        using var refused = await _http.PostAsJsonAsync("/admin/orders", new { symbol = "SYN0", side = "buy", qty = 100 });
        Assert.That((await refused.Content.ReadFromJsonAsync<AdminAnswer>())!.Reason, Does.StartWith(nameof(RiskRejectReason.KillSwitch)));

        (await _http.PostAsync("/admin/resume", null)).Dispose();
        Eventually.Until(() => _host.Risk.Snapshot.TradingState == TradingState.Active, TestTimeouts.LongRun, "active again");
    }

    [TestCase(null)]
    [TestCase("wrong")]
    public async Task Request_WithoutTheToken_IsRefused(string? token)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(_session.Endpoint.BaseUrl) };
        if (token is not null)
        {
            anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await anonymous.PostAsync("/admin/kill", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(AdminSession.Token));
        Assert.That(_host.Risk.Snapshot.TradingState, Is.EqualTo(TradingState.Active));
    }
}
