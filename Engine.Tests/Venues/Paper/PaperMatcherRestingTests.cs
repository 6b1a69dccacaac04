using Engine.Orders;
using Engine.Risk;
using Engine.Venues.Paper;
using Feeds;
using static Engine.Tests.Book.BookEvents;
using static Engine.Tests.Venues.Paper.ReportAssert;

namespace Engine.Tests.Venues.Paper;

/// <summary>Resting orders on an order-by-order (L3) book: queue position drained by trades and cancels, trade-through, the touch crossing, maker fees.</summary>
public sealed class PaperMatcherRestingTests
{
    /// <summary>Bids at 99: order 1 x 200 then order 2 x 300; bid 98: order 3 x 600; asks 101: order 11 x 300, 102: order 12 x 500.</summary>
    private static PaperFixture L3Book(PaperVenueOptions? options = null)
    {
        var f = new PaperFixture(options);
        f.Market(Add(1, Side.Buy, 99, 200));
        f.Market(Add(2, Side.Buy, 99, 300));
        f.Market(Add(3, Side.Buy, 98, 600));
        f.Market(Add(11, Side.Sell, 101, 300));
        f.Market(Add(12, Side.Sell, 102, 500));
        f.Take();
        return f;
    }

    private static MarketDataEvent Print(Side aggressor, long priceTicks, long quantity) =>
        new() { Kind = MarketDataKind.Trade, Side = aggressor, PriceTicks = priceTicks, Quantity = quantity };

    [Test]
    public void OnMarket_ExecutionsAhead_DrainTheQueueWithoutFilling()
    {
        var f = L3Book();
        long id = f.Limit(Side.Buy, 100, 99);
        f.Take();

        f.Market(Execute(1, 200));
        long afterFirst = f.AheadOf(id);
        f.Market(Execute(2, 300));

        Assert.That(afterFirst, Is.EqualTo(300));
        Assert.That(f.AheadOf(id), Is.Zero);
        Assert.That(f.Take(), Is.Empty);
    }

    [Test]
    public void OnMarket_ExecutionBeyondTheQueue_FillsTheRestAtTheLimitWithTheMakerFee()
    {
        var f = L3Book(new PaperVenueOptions { TakerFeeCentiBps = 30, MakerFeeCentiBps = -20 });
        long id = f.Limit(Side.Buy, 100, 99);
        f.Market(Add(4, Side.Buy, 99, 400));     // behind us
        f.Market(Execute(1, 200));
        f.Market(Execute(2, 300));
        f.Take();

        f.Market(Execute(4, 60));                 // the queue ahead is gone: this one would have hit us

        var reports = f.Take();
        Assert.That(Fills(reports), Is.EqualTo(new[] { (60L, 99L, 60L, 40L) }));
        Assert.That(reports[0].Kind, Is.EqualTo(ExecutionKind.PartialFill));
        // 60 x 99 ticks = 59,400,000 value units; x -20 / 10^6 = -1,188 (a rebate).
        Assert.That(reports[0].FeeValue, Is.EqualTo(-1_188));
        Assert.That(reports[0].VenueTsNs, Is.EqualTo(f.Matcher.ClockNs));
        Assert.That(f.AheadOf(id), Is.Zero);
    }

    [Test]
    public void OnMarket_OneExecutionLargerThanTheQueue_FillsOnlyWhatIsBeyondIt()
    {
        var f = L3Book();
        long id = f.Limit(Side.Buy, 100, 99);
        f.Market(Add(4, Side.Buy, 99, 400));
        f.Market(Execute(1, 150));
        f.Take();

        f.Market(Print(Side.Sell, 99, 400));       // ahead 350: 50 reach us

        Assert.That(Fills(f.Take()), Is.EqualTo(new[] { (50L, 99L, 50L, 50L) }));
        Assert.That(f.AheadOf(id), Is.Zero);
    }

    [Test]
    public void OnMarket_PrintBySameSideAggressor_DoesNotTouchOurQueue()
    {
        var f = L3Book();
        long id = f.Limit(Side.Buy, 100, 99);
        f.Take();

        f.Market(Print(Side.Buy, 99, 1_000));     // a buyer lifting offers at 99 does not trade the bids

        Assert.That(f.AheadOf(id), Is.EqualTo(500));
        Assert.That(f.Take(), Is.Empty);
    }

    [Test]
    public void OnMarket_PrintWithoutAggressor_CountsForEitherSide()
    {
        var f = L3Book();
        long buy = f.Limit(Side.Buy, 100, 99);
        long sell = f.Limit(Side.Sell, 100, 101);
        f.Take();

        f.Market(Print(Side.None, 99, 520));
        f.Market(Print(Side.None, 101, 320));

        Assert.That(f.Take().Select(r => (r.ClientOrderId, r.LastQuantity)), Is.EqualTo(new[] { (buy, 20L), (sell, 20L) }));
    }

    [Test]
    public void OnMarket_CancelsAhead_ShrinkTheQueueInProportion()
    {
        var f = L3Book();
        long id = f.Limit(Side.Buy, 100, 99);     // ahead 500
        f.Market(Add(4, Side.Buy, 99, 500));       // level 1,000, of which 500 ahead of us

        f.Market(Delete(1));                        // 200 leave: 200 x 500 / 1,000 = 100 of them ahead
        long afterDelete = f.AheadOf(id);
        f.Market(Cancel(2, 100));                   // 100 of 800: 100 x 400 / 800 = 50
        long afterCancel = f.AheadOf(id);

        Assert.That((afterDelete, afterCancel), Is.EqualTo((400L, 350L)));
        Assert.That(f.Take().Count(r => r.Kind != ExecutionKind.Accepted), Is.Zero);
    }

    [Test]
    public void OnMarket_LevelEmptied_LeavesNothingAheadAndTheNextTradeFills()
    {
        var f = L3Book();
        long id = f.Limit(Side.Buy, 100, 99);
        f.Market(Delete(1));
        f.Market(Delete(2));
        f.Take();
        Assert.That(f.AheadOf(id), Is.Zero);

        f.Market(Print(Side.Sell, 99, 100));

        Assert.That(Kinds(f.Take()), Is.EqualTo(new[] { ExecutionKind.Fill }));
        Assert.That(f.Matcher.RestingOrderCount, Is.Zero);
    }

    [Test]
    public void OnMarket_ReplaceAwayFromOurPrice_CountsAsACancelAhead()
    {
        var f = L3Book();
        long id = f.Limit(Side.Buy, 100, 99);

        f.Market(Replace(1, 21, 97, 200));

        Assert.That(f.AheadOf(id), Is.EqualTo(300));
    }

    [Test]
    public void OnMarket_TradeThroughTheLimit_FillsWhateverIsAhead()
    {
        var f = L3Book();
        long id = f.Limit(Side.Buy, 100, 99);
        f.Take();

        f.Market(Execute(3, 70));                   // a seller hit 98 while we bid 99

        Assert.That(Fills(f.Take()), Is.EqualTo(new[] { (70L, 99L, 70L, 30L) }));
        Assert.That(f.AheadOf(id), Is.EqualTo(500), "the trade through took none of the queue at our price");
    }

    [Test]
    public void OnMarket_SellTradeThrough_FillsAtTheLimit()
    {
        var f = L3Book();
        f.Limit(Side.Sell, 100, 102);
        f.Take();

        f.Market(Print(Side.Buy, 103, 250));

        Assert.That(Fills(f.Take()), Is.EqualTo(new[] { (100L, 102L, 100L, 0L) }));
    }

    [Test]
    public void OnMarket_OneTradeReachingTwoOfOurOrders_IsSharedNotDoubled()
    {
        var f = L3Book();
        long first = f.Limit(Side.Buy, 100, 99);
        long second = f.Limit(Side.Buy, 100, 99);
        f.Take();

        f.Market(Print(Side.Sell, 99, 650));        // 150 beyond the displayed queue

        Assert.That(f.Take().Select(r => (r.ClientOrderId, r.LastQuantity)), Is.EqualTo(new[] { (first, 100L), (second, 50L) }));
    }

    [Test]
    public void OnMarket_OppositeTouchCrossesTheLimit_FillsAtTheLimitUpToTheDisplayedSize()
    {
        var f = L3Book();
        long id = f.Limit(Side.Buy, 100, 99);
        f.Take();

        f.Market(Add(13, Side.Sell, 98, 70));       // an ask through our bid

        var reports = f.Take();
        Assert.That(Fills(reports), Is.EqualTo(new[] { (70L, 99L, 70L, 30L) }));
        f.Market(Add(14, Side.Buy, 90, 10));        // an unrelated event: the 70 stays taken
        Assert.That(f.Take(), Is.Empty);
        Assert.That(f.Matcher.TryGetRestingOrder(id, out _, out long leaves) && leaves == 30, Is.True);
    }

    [Test]
    public void OnMarket_AskLockedAtOurLimit_FillsOnlyOnceTheQueueAheadIsGone()
    {
        var f = L3Book();
        f.Limit(Side.Buy, 100, 99);
        f.Take();

        f.Market(Add(13, Side.Sell, 99, 70));
        var whileQueued = f.Take();
        f.Market(Delete(1));
        f.Market(Delete(2));

        Assert.That(whileQueued, Is.Empty);
        Assert.That(Fills(f.Take()), Is.EqualTo(new[] { (70L, 99L, 70L, 30L) }));
    }

    [Test]
    public void OnMarket_QuoteFeed_BidSizeDropsMoveUsUpAndTheQuoteCrossingUsFills()
    {
        var f = new PaperFixture();
        f.Market(Quote(99, 500, 101, 400));
        long id = f.Limit(Side.Buy, 100, 99);
        f.Take();

        f.Market(Quote(99, 250, 101, 400));         // half the bids left: half the queue
        long ahead = f.AheadOf(id);
        f.Market(Quote(98, 300, 99, 40));           // the bid left 99 and the offer came down to it

        Assert.That(ahead, Is.EqualTo(250));
        Assert.That(Fills(f.Take()), Is.EqualTo(new[] { (40L, 99L, 40L, 60L) }));
    }

    [Test]
    public void OnMarket_EventOfAnotherInstrument_LeavesOurOrdersAlone()
    {
        var f = L3Book();
        long id = f.Limit(Side.Buy, 100, 99);
        f.Take();

        var e = Print(Side.Sell, 99, 10_000);
        e.InstrumentId = 1;
        f.Market(e);

        Assert.That(f.AheadOf(id), Is.EqualTo(500));
        Assert.That(f.Take(), Is.Empty);
    }

    [Test]
    public void OnMarket_UnknownInstrument_IsCountedByTheReplicaAndIgnored()
    {
        var f = L3Book();

        var e = Add(99, Side.Buy, 99, 10);
        e.InstrumentId = 17;
        f.Market(e);

        Assert.That(f.Matcher.Books.UnknownInstrumentCount, Is.EqualTo(1));
    }
}
