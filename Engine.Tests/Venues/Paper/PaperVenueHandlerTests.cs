using Engine.Orders;
using Engine.Tests.Support;
using Engine.Venues.Paper;
using Feeds;

namespace Engine.Tests.Venues.Paper;

/// <summary>The paper venue's idle work: with a wall clock (live feeds alone) held commands go out as it passes their time.</summary>
public sealed class PaperVenueHandlerTests
{
    private const long Us = 1_000;

    private static PaperFixture HeldBuy(out long origin)
    {
        var f = new PaperFixture(new PaperVenueOptions { EntryLatencyUs = 100 });
        f.Levels((Side.Sell, 101, 300), (Side.Buy, 99, 300));
        f.Take();
        origin = f.Matcher.ClockNs;
        f.MarketOrder(Side.Buy, 100);
        return f;
    }

    [Test]
    public void OnIdle_WithAWallClock_ReleasesAHeldCommandOnceTheClockPassesItsTime()
    {
        var f = HeldBuy(out long origin);
        var wall = new ManualClock(origin + (99 * Us));
        var handler = new PaperVenueHandler(f.Matcher, wall);

        handler.OnIdle(f.Sink);
        var early = f.Take();
        wall.NowNs = origin + (100 * Us);
        handler.OnIdle(f.Sink);

        Assert.That(early, Is.Empty);
        Assert.That(f.Take().Select(r => r.Kind), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.Fill }));
    }

    [Test]
    public void OnIdle_WithoutAWallClock_LeavesVenueTimeToTheMarketEvents()
    {
        var f = HeldBuy(out _);
        var handler = new PaperVenueHandler(f.Matcher);

        handler.OnIdle(f.Sink);

        Assert.That((f.Take().Count, f.Matcher.HeldCommandCount), Is.EqualTo((0, 1)), "a replay's or the synthetic market's time is not the wall clock's");
    }
}
