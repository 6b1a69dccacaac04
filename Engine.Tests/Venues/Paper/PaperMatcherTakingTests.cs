using Engine.Orders;
using Engine.Risk;
using Engine.Venues.Paper;
using Feeds;
using static Engine.Tests.Venues.Paper.ReportAssert;

namespace Engine.Tests.Venues.Paper;

/// <summary>Marketable orders against hand-built level books: the walk, each time in force, taken size, fees.</summary>
public sealed class PaperMatcherTakingTests
{
    private static PaperFixture Standard(PaperVenueOptions? options = null)
    {
        var f = new PaperFixture(options);
        f.StandardBook();
        f.Take();
        return f;
    }

    [Test]
    public void OnCommand_MarketBuy_WalksTheAsksBestFirstWithOneFillPerLevel()
    {
        var f = Standard();

        long id = f.MarketOrder(Side.Buy, 1_000);

        var reports = f.Take();
        Assert.That(Kinds(reports), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.PartialFill, ExecutionKind.PartialFill, ExecutionKind.Fill }));
        Assert.That(reports[0].LeavesQuantity, Is.EqualTo(1_000));
        Assert.That(Fills(reports), Is.EqualTo(new[] { (300L, 101L, 300L, 700L), (500L, 102L, 800L, 200L), (200L, 103L, 1_000L, 0L) }));
        Assert.That(reports.All(r => r.ClientOrderId == id && r.Side == Side.Buy && r.InstrumentId == 0), Is.True);
        Assert.That(f.Matcher.RestingOrderCount, Is.Zero);
    }

    [Test]
    public void OnCommand_MarketSell_WalksTheBids()
    {
        var f = Standard();

        f.MarketOrder(Side.Sell, 500);

        Assert.That(Fills(f.Take()), Is.EqualTo(new[] { (400L, 99L, 400L, 100L), (100L, 98L, 500L, 0L) }));
    }

    [Test]
    public void OnCommand_MarketLargerThanTheBook_CancelsWhatFoundNoLiquidity()
    {
        var f = Standard();

        f.MarketOrder(Side.Buy, 2_000);

        var reports = f.Take();
        Assert.That(Kinds(reports)[^1], Is.EqualTo(ExecutionKind.Canceled));
        Assert.That(reports[^1].CumulativeQuantity, Is.EqualTo(1_800));
        Assert.That(reports[^1].LeavesQuantity, Is.Zero);
        Assert.That(f.Matcher.OrdersCanceled, Is.EqualTo(1));
    }

    [Test]
    public void OnCommand_MarketAgainstAnEmptySide_IsRejectedForNoLiquidity()
    {
        var f = new PaperFixture();
        f.Levels((Side.Buy, 99, 100));

        f.MarketOrder(Side.Buy, 10);

        var reports = f.Take();
        Assert.That(Kinds(reports), Is.EqualTo(new[] { ExecutionKind.Rejected }));
        Assert.That(reports[0].Reject, Is.EqualTo(VenueRejectReason.NoLiquidity));
        Assert.That(f.Matcher.RejectedNoLiquidity, Is.EqualTo(1));
    }

    [Test]
    public void OnCommand_IocLimit_FillsUpToItsLimitAndCancelsTheRest()
    {
        var f = Standard();

        f.Limit(Side.Buy, 500, 101, TimeInForce.Ioc);

        var reports = f.Take();
        Assert.That(Kinds(reports), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.PartialFill, ExecutionKind.Canceled }));
        Assert.That(Fills(reports), Is.EqualTo(new[] { (300L, 101L, 300L, 200L) }));
        Assert.That(reports[2].CumulativeQuantity, Is.EqualTo(300));
        Assert.That(f.Matcher.RestingOrderCount, Is.Zero);
    }

    [Test]
    public void OnCommand_IocNotMarketable_IsCancelledWithoutFill()
    {
        var f = Standard();

        f.Limit(Side.Buy, 100, 100, TimeInForce.Ioc);

        Assert.That(Kinds(f.Take()), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.Canceled }));
    }

    [Test]
    public void OnCommand_FokShortOfQuantity_IsCancelledWithNoFillAndTakesNothing()
    {
        var f = Standard();

        f.Limit(Side.Buy, 900, 102, TimeInForce.Fok);
        var reports = f.Take();
        f.Limit(Side.Buy, 800, 102, TimeInForce.Ioc);

        Assert.That(Kinds(reports), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.Canceled }));
        Assert.That(reports[1].CumulativeQuantity, Is.Zero);
        Assert.That(Fills(f.Take()).Sum(x => x.Quantity), Is.EqualTo(800), "the FOK left the book's size untaken");
    }

    [Test]
    public void OnCommand_FokWithEnough_FillsAll()
    {
        var f = Standard();

        f.Limit(Side.Buy, 800, 102, TimeInForce.Fok);

        var reports = f.Take();
        Assert.That(Kinds(reports), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.PartialFill, ExecutionKind.Fill }));
        Assert.That(reports[^1].CumulativeQuantity, Is.EqualTo(800));
    }

    [Test]
    public void OnCommand_FokAgainstAnEmptySide_IsRejectedForNoLiquidity()
    {
        var f = new PaperFixture();
        f.Levels((Side.Sell, 101, 100));

        f.Limit(Side.Sell, 10, 101, TimeInForce.Fok);

        Assert.That(f.Take().Single().Reject, Is.EqualTo(VenueRejectReason.NoLiquidity));
    }

    [TestCase(TimeInForce.Day)]
    [TestCase(TimeInForce.Gtc)]
    public void OnCommand_LimitThroughTheTouch_FillsThenRestsTheRemainder(TimeInForce tif)
    {
        var f = Standard();

        long id = f.Limit(Side.Buy, 500, 101, tif);

        var reports = f.Take();
        Assert.That(Kinds(reports), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.PartialFill }));
        Assert.That(f.Matcher.TryGetRestingOrder(id, out long ahead, out long leaves), Is.True);
        Assert.That((ahead, leaves), Is.EqualTo((0L, 200L)), "a new best bid has nothing ahead");
    }

    [Test]
    public void OnCommand_PassiveLimit_RestsBehindTheDisplayedSizeAtItsPrice()
    {
        var f = Standard();

        long id = f.Limit(Side.Buy, 100, 98);

        Assert.That(Kinds(f.Take()), Is.EqualTo(new[] { ExecutionKind.Accepted }));
        Assert.That(f.AheadOf(id), Is.EqualTo(600));
    }

    [Test]
    public void OnCommand_SecondOrderAtATakenLevel_CannotTakeTheSameSize()
    {
        var f = Standard();

        f.Limit(Side.Buy, 300, 101, TimeInForce.Ioc);
        f.Take();
        f.Limit(Side.Buy, 100, 101, TimeInForce.Ioc);

        Assert.That(Kinds(f.Take()), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.Canceled }));
    }

    [Test]
    public void OnMarket_TakenLevelGrows_OnlyTheNewSizeCanBeTaken()
    {
        var f = Standard();
        f.Limit(Side.Buy, 300, 101, TimeInForce.Ioc);
        f.Levels((Side.Sell, 101, 500));
        f.Take();

        f.Limit(Side.Buy, 500, 101, TimeInForce.Ioc);

        Assert.That(Fills(f.Take()), Is.EqualTo(new[] { (200L, 101L, 200L, 300L) }));
    }

    [Test]
    public void OnMarket_TakenLevelShrinks_TheSizeThatLeftWasOurs()
    {
        var f = Standard();
        f.Limit(Side.Buy, 200, 101, TimeInForce.Ioc);      // 200 of 300 taken
        f.Levels((Side.Sell, 101, 250));                    // 50 left: ours; 150 taken, 100 free
        f.Take();

        f.Limit(Side.Buy, 500, 101, TimeInForce.Ioc);

        Assert.That(Fills(f.Take()), Is.EqualTo(new[] { (100L, 101L, 100L, 400L) }));
    }

    [Test]
    public void OnMarket_TakenLevelRemovedAndBack_IsWhollyAvailable()
    {
        var f = Standard();
        f.Limit(Side.Buy, 300, 101, TimeInForce.Ioc);
        f.Levels((Side.Sell, 101, 0), (Side.Sell, 101, 300));
        f.Take();

        f.Limit(Side.Buy, 300, 101, TimeInForce.Ioc);

        Assert.That(Fills(f.Take()), Is.EqualTo(new[] { (300L, 101L, 300L, 0L) }));
    }

    [Test]
    public void OnCommand_TakerFee_IsChargedOnEachFillRoundedUp()
    {
        var f = Standard(new PaperVenueOptions { TakerFeeCentiBps = 30, MakerFeeCentiBps = -20 });

        f.MarketOrder(Side.Buy, 301);

        var fills = f.Take().Where(r => r.Kind is ExecutionKind.PartialFill or ExecutionKind.Fill).ToArray();
        // 300 x 101 ticks = 303,000,000 value units; x 30 / 10^6 = 9,090 exactly.
        Assert.That(fills[0].FeeValue, Is.EqualTo(9_090));
        // 1 x 102 ticks = 1,020,000; x 30 / 10^6 = 30.6, rounded up.
        Assert.That(fills[1].FeeValue, Is.EqualTo(31));
    }

    [TestCase(300, 101, 30, 9_090)]
    [TestCase(1, 102, 30, 31)]
    [TestCase(1, 102, -20, -20)]
    [TestCase(1, 1, -1, 0)]
    [TestCase(1, 1, 1, 1)]
    [TestCase(1_000_000, 10_000_000, 100_000, 10_000_000_000_000_000)]
    [TestCase(5, 100, 0, 0)]
    [TestCase(1_000_000_000, 5_621_840_000, 300, long.MaxValue)] // 10 XBT at 5 price decimals, 3 bps: held at the bound
    [TestCase(1_000_000_000, 5_621_840_000, -300, long.MinValue)] // not wrapped into the other sign
    public void Fee_ValueTimesCentiBps_IsRoundedTowardPlusInfinity(long quantity, long priceTicks, long centiBps, long expected) =>
        Assert.That(PaperMatcher.Fee(quantity, priceTicks, centiBps), Is.EqualTo(expected));
}
