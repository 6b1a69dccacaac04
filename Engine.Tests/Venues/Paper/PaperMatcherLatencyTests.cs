using Engine.Orders;
using Engine.Risk;
using Engine.Venues.Paper;
using Feeds;
using static Engine.Tests.Venues.Paper.ReportAssert;

namespace Engine.Tests.Venues.Paper;

/// <summary>Entry and report latency in venue time: commands and reports held until the venue clock reaches their time, first in first out.</summary>
public sealed class PaperMatcherLatencyTests
{
    private const long Us = 1_000;

    private static PaperFixture StandardAt(PaperVenueOptions options)
    {
        var f = new PaperFixture(options);
        f.Levels((Side.Sell, 101, 300), (Side.Sell, 102, 500));
        f.Market(new MarketDataEvent { Kind = MarketDataKind.LevelSet, Side = Side.Buy, PriceTicks = 99, Quantity = 400 }, PaperFixture.T0 + (10 * Us));
        f.Take();
        return f;
    }

    [Test]
    public void OnCommand_WithEntryLatency_IsHeldUntilTheVenueClockGetsThere()
    {
        var f = StandardAt(new PaperVenueOptions { EntryLatencyUs = 100 });
        long origin = f.Matcher.ClockNs;

        f.MarketOrder(Side.Buy, 100);
        f.Matcher.AdvanceClock(origin + (99 * Us), f.Sink);
        var early = f.Take();
        f.Matcher.AdvanceClock(origin + (100 * Us), f.Sink);

        Assert.That(early, Is.Empty);
        var reports = f.Take();
        Assert.That(Kinds(reports), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.Fill }));
        Assert.That(reports.All(r => r.VenueTsNs == origin + (100 * Us)), Is.True);
    }

    [Test]
    public void OnMarket_EventAfterACommandIsDue_TheCommandSeesTheBookBeforeTheEvent()
    {
        var f = StandardAt(new PaperVenueOptions { EntryLatencyUs = 100 });
        long origin = f.Matcher.ClockNs;
        f.MarketOrder(Side.Buy, 100);
        f.Market(new MarketDataEvent { Kind = MarketDataKind.LevelSet, Side = Side.Sell, PriceTicks = 100, Quantity = 50 }, origin + (50 * Us));
        Assert.That(f.Take(), Is.Empty);

        // Due at +100 us; the ask at 101 leaves at +150 us: the order still buys it.
        f.Market(new MarketDataEvent { Kind = MarketDataKind.LevelSet, Side = Side.Sell, PriceTicks = 100, Quantity = 0 }, origin + (150 * Us));

        var reports = f.Take();
        Assert.That(Fills(reports), Is.EqualTo(new[] { (50L, 100L, 50L, 50L), (50L, 101L, 100L, 0L) }));
        Assert.That(reports[0].VenueTsNs, Is.EqualTo(origin + (100 * Us)));
    }

    [Test]
    public void OnCommand_HeldCommands_TakeEffectInArrivalOrderEvenWithAnEarlierOrigin()
    {
        var f = StandardAt(new PaperVenueOptions { EntryLatencyUs = 100 });
        long origin = f.Matcher.ClockNs;
        long first = f.Limit(Side.Buy, 100, 98);
        long cancel = first;
        f.Cancel(cancel, origin - (50 * Us));         // an earlier origin must not let the cancel overtake its order

        f.Matcher.AdvanceClock(origin + (100 * Us), f.Sink);

        Assert.That(Kinds(f.Take()), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.Canceled }));
    }

    [Test]
    public void OnCommand_BeforeAnyMarketEvent_IsHeldUntilTheFirstOne()
    {
        var f = new PaperFixture();
        f.New(Side.Buy, OrderType.Limit, TimeInForce.Day, 10, 99, originNs: 0);   // the router had seen no market event
        Assert.That(f.Matcher.HeldCommandCount, Is.EqualTo(1));

        f.Levels((Side.Sell, 101, 10));

        Assert.That(Kinds(f.Take()), Is.EqualTo(new[] { ExecutionKind.Accepted }));
        Assert.That(f.Matcher.HeldCommandCount, Is.Zero);
    }

    [Test]
    public void OnCommand_HeldCommandsFull_RefusesTheNextOne()
    {
        var f = StandardAt(new PaperVenueOptions { EntryLatencyUs = 100, MaxHeldCommands = 2 });
        long a = f.Limit(Side.Buy, 10, 98);
        f.Limit(Side.Buy, 10, 97);

        long refused = f.Limit(Side.Buy, 10, 96);
        f.Cancel(a);

        Assert.That(f.Take().Select(r => (r.Kind, r.ClientOrderId, r.Reject)), Is.EqualTo(new[]
        {
            (ExecutionKind.Rejected, refused, VenueRejectReason.Other),
            (ExecutionKind.CancelRejected, a, VenueRejectReason.Other),
        }));
        Assert.That(f.Matcher.HeldCommandsFull, Is.EqualTo(2));
    }

    [Test]
    public void Publish_WithReportLatency_HoldsReportsUntilTheirTimeAndKeepsTheirVenueTime()
    {
        var f = StandardAt(new PaperVenueOptions { ReportLatencyUs = 200 });
        long t = f.Matcher.ClockNs;

        f.MarketOrder(Side.Buy, 400);
        Assert.That(f.Matcher.HeldReportCount, Is.EqualTo(3));
        f.Matcher.AdvanceClock(t + (199 * Us), f.Sink);
        var early = f.Take();
        f.Matcher.AdvanceClock(t + (200 * Us), f.Sink);

        Assert.That(early, Is.Empty);
        var reports = f.Take();
        Assert.That(Kinds(reports), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.PartialFill, ExecutionKind.Fill }));
        Assert.That(reports.All(r => r.VenueTsNs == t), Is.True);
    }

    [Test]
    public void Publish_BothLatencies_ReportArrivesAfterTheirSum()
    {
        var f = StandardAt(new PaperVenueOptions { EntryLatencyUs = 100, ReportLatencyUs = 200 });
        long t = f.Matcher.ClockNs;

        f.MarketOrder(Side.Buy, 10);
        f.Matcher.AdvanceClock(t + (299 * Us), f.Sink);
        var early = f.Take();
        f.Matcher.AdvanceClock(t + (300 * Us), f.Sink);

        Assert.That(early, Is.Empty);
        Assert.That(f.Take().Select(r => r.VenueTsNs), Is.EqualTo(new[] { t + (100 * Us), t + (100 * Us) }));
    }

    [Test]
    public void Publish_HeldReportsFull_ReleasesTheOldestEarlyAndLosesNothing()
    {
        var f = StandardAt(new PaperVenueOptions { ReportLatencyUs = 200, MaxHeldReports = 2 });
        long t = f.Matcher.ClockNs;

        f.MarketOrder(Side.Buy, 400);               // three reports into a queue of two
        var early = f.Take();
        f.Matcher.AdvanceClock(t + (200 * Us), f.Sink);

        Assert.That(Kinds(early), Is.EqualTo(new[] { ExecutionKind.Accepted }));
        Assert.That(Kinds(f.Take()), Is.EqualTo(new[] { ExecutionKind.PartialFill, ExecutionKind.Fill }));
        Assert.That(f.Matcher.ReportsReleasedEarly, Is.EqualTo(1));
    }

    [Test]
    public void OnMarket_ClockNeverMovesBack()
    {
        var f = StandardAt(new PaperVenueOptions());
        long t = f.Matcher.ClockNs;

        f.Market(new MarketDataEvent { Kind = MarketDataKind.LevelSet, Side = Side.Buy, PriceTicks = 98, Quantity = 5 }, t - 5_000);
        f.MarketOrder(Side.Buy, 1);

        Assert.That(f.Matcher.ClockNs, Is.EqualTo(t));
        Assert.That(f.Take().All(r => r.VenueTsNs == t), Is.True);
    }
}
