using System.Net;
using System.Net.Http.Json;
using Engine.Admin;
using Engine.Host;
using Engine.Tests.Support;

namespace Engine.Tests.Admin;

/// <summary>
/// A TWAP parent started, watched and cancelled by an operator over a real socket: the admin
/// endpoint, the ring, the TWAP stage, risk, router, the paper venue matching against the synthetic
/// market, and the fills back into the positions.
/// </summary>
public sealed class TwapEndToEndTests
{
    private AdminSession _session = null!;
    private EngineHost _host = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task SetUp()
    {
        _session = await AdminSession.StartAsync("twap-e2e", seed: 5);
        _host = _session.Host;
        _http = _session.Http;
    }

    [TearDown]
    public async Task TearDown() => await _session.DisposeAsync();

    [Test]
    public async Task StartTwap_FiveSlicesOverOneSecond_ChildrenSumToTheParentAndThePositionMoves()
    {
        using var started = await _http.PostAsJsonAsync("/admin/twap", new { symbol = "SYN0", side = "buy", qty = 500, durationMs = 1000, slices = 5 });

        var answer = await started.Content.ReadFromJsonAsync<AdminAnswer>();
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer?.ToString());
        Assert.That(answer!.Outcome, Is.EqualTo("twap started"));
        var view = WaitForTwap(v => v.Status is "Completed" or "Expired" && v.WorkingQty == 0, "the parent ended");

        Assert.That(view.ParentId, Is.EqualTo(answer.ClientOrderId));
        Assert.That(view.FilledQty, Is.GreaterThan(0));
        Assert.That(view.Children.Sum(c => c.FilledQty), Is.EqualTo(view.FilledQty));
        Assert.That(view.Children.Sum(c => c.Qty), Is.LessThanOrEqualTo(500));
        Assert.That(view.Children.Select(c => c.Slice), Is.Ordered.And.Unique);
        Assert.That(view.Children.Where(c => c.RefusedBy is null).Select(c => c.Status), Has.None.EqualTo("Rejected"), "every child sent was followed in the order table");
        Assert.That(_host.Stop(), Is.True);
        Assert.That(_host.Risk.Positions[0].Quantity, Is.EqualTo(view.FilledQty), "the position moved by what the children filled");
    }

    /// <summary>The synthetic market stops after 30,000 events; then a parent of three slices 300 ms apart: the loop's tick alone sends the second and third.</summary>
    [TestCase(1, 3)]
    [TestCase(0, 1)]
    public async Task StartTwap_QuietMarket_TheLoopsTickSendsTheLaterSlices(int tickMs, int childrenSent)
    {
        await _session.DisposeAsync();
        _session = await AdminSession.StartAsync("twap-quiet", seed: 5, adjust: o => o with
        {
            Pipeline = o.Pipeline with { TickMs = tickMs },
            Synthetic = o.Synthetic with { MaxEventsPerThread = 30_000 },
        });
        _host = _session.Host;
        _http = _session.Http;
        Eventually.Until(() => _host.Counter.Total == 30_000, TestTimeouts.LongRun, "the market has gone quiet");

        using var started = await _http.PostAsJsonAsync("/admin/twap", new { symbol = "SYN0", side = "buy", qty = 300, durationMs = 900, slices = 3 });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        if (tickMs > 0)
        {
            WaitForTwap(v => v.Children.Count == childrenSent, "every slice sent with no market event");
        }
        else
        {
            Thread.Sleep(1_500); // past the last slice's time
        }
        var view = await _http.GetFromJsonAsync<TwapView>("/admin/twap");

        Assert.That(_host.Counter.Total, Is.EqualTo(30_000), "no market event came meanwhile");
        Assert.That(view!.Children, Has.Count.EqualTo(childrenSent));
    }

    [Test]
    public async Task StartTwap_InvalidRequest_GetsEveryProblemAndChangesNothing()
    {
        using var response = await _http.PostAsJsonAsync("/admin/twap", new { symbol = "NOPE", side = "hold", qty = 0, durationMs = 0, slices = 0, childType = "iceberg", timeInForce = "gtc" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problems = (await response.Content.ReadFromJsonAsync<AdminAnswer>())!.Problems!;
        Assert.That(problems.Select(p => p.Split(':')[0]), Is.EquivalentTo(new[] { "symbol", "side", "childType", "timeInForce", "qty", "durationMs", "slices" }), string.Join("\n", problems));
        Assert.That(_host.Router.Snapshot.Sent, Is.Zero);
        using var shown = await _http.GetAsync("/admin/twap");
        Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task StartTwap_UnknownField_IsABadRequest()
    {
        using var response = await _http.PostAsJsonAsync("/admin/twap", new { symbol = "SYN0", side = "buy", qty = 500, durationMs = 1000, slices = 5, urgency = "high" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task CancelTwap_MidWay_StopsFurtherChildrenAndFreesTheNextStart()
    {
        // Slices 12 s apart: the first child goes out at once, the second not before the cancel.
        using var started = await _http.PostAsJsonAsync("/admin/twap", new { symbol = "SYN0", side = "buy", qty = 500, durationMs = 60_000, slices = 5 });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        WaitForTwap(v => v.FilledQty == 100, "the first child filled");
        using var second = await _http.PostAsJsonAsync("/admin/twap", new { symbol = "SYN1", side = "sell", qty = 100, durationMs = 1000, slices = 1 });
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "one parent at a time");

        using var cancelled = await _http.DeleteAsync("/admin/twap");

        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var view = WaitForTwap(v => v.Status == "Cancelled", "the parent cancelled");
        Assert.That(view.EndReason, Is.EqualTo("CancelRequested"));
        Assert.That(view.Children, Has.Count.EqualTo(1));
        Assert.That(view.SlicesDone, Is.EqualTo(1));
        using var again = await _http.DeleteAsync("/admin/twap");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nothing left to cancel");
        using var next = await _http.PostAsJsonAsync("/admin/twap", new { symbol = "SYN1", side = "sell", qty = 100, durationMs = 1000, slices = 1 });
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cancelled parent no longer blocks a new one");
    }

    [Test]
    public async Task Kill_WhileTwapWorks_CancelsTheRemainder()
    {
        using var started = await _http.PostAsJsonAsync("/admin/twap", new { symbol = "SYN0", side = "buy", qty = 500, durationMs = 60_000, slices = 5 });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        WaitForTwap(v => v.FilledQty == 100, "the first child filled");

        (await _http.PostAsync("/admin/kill", null)).Dispose();

        var view = WaitForTwap(v => v.Status == "Cancelled", "the kill ended the parent");
        Assert.That(view.EndReason, Is.EqualTo("Killed"));
        Assert.That(view.Children, Has.Count.EqualTo(1));
        Assert.That(view.RemainingQty, Is.EqualTo(400));
    }

    private TwapView WaitForTwap(Func<TwapView, bool> condition, string what)
    {
        TwapView? last = null;
        Eventually.Until(
            () =>
            {
                last = _http.GetFromJsonAsync<TwapView>("/admin/twap").GetAwaiter().GetResult();
                return last is not null && condition(last);
            },
            TestTimeouts.LongRun,
            what);
        return last!;
    }
}
