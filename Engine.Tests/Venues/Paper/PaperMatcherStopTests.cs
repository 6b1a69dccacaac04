using Engine.Orders;
using Engine.Risk;
using Engine.Venues.Paper;
using Feeds;
using static Engine.Tests.Venues.Paper.ReportAssert;

namespace Engine.Tests.Venues.Paper;

/// <summary>Stop and stop-limit orders: they wait for a trade at their stop price, then walk the book as market or limit orders.</summary>
public sealed class PaperMatcherStopTests
{
    private static PaperFixture Standard(PaperVenueOptions? options = null)
    {
        var f = new PaperFixture(options);
        f.StandardBook();
        f.Take();
        return f;
    }

    private static MarketDataEvent Print(Side aggressor, long priceTicks, long quantity) =>
        new() { Kind = MarketDataKind.Trade, Side = aggressor, PriceTicks = priceTicks, Quantity = quantity };

    private static long Stop(PaperFixture f, Side side, OrderType type, long quantity, long stopTicks, long limitTicks = 0, TimeInForce tif = TimeInForce.Day)
    {
        var command = PaperFixture.NewCommand(100 + f.Matcher.OrdersAccepted, side, type, tif, quantity, limitTicks);
        command.StopPriceTicks = stopTicks;
        command.OriginEventNs = f.Matcher.ClockNs;
        f.Matcher.OnCommand(in command, f.Sink);
        return command.ClientOrderId;
    }

    [Test]
    public void OnMarket_BuyStop_WaitsUntilATradeAtOrAboveItsStopThenBuysAtMarket()
    {
        var f = Standard(new PaperVenueOptions { TakerFeeCentiBps = 30 });
        long id = Stop(f, Side.Buy, OrderType.Stop, 400, stopTicks: 100);
        var accepted = f.Take();

        f.Market(Print(Side.Sell, 99, 100));
        var below = f.Take();
        f.Market(Print(Side.Buy, 100, 10));

        Assert.That(Kinds(accepted), Is.EqualTo(new[] { ExecutionKind.Accepted }));
        Assert.That(below, Is.Empty);
        var reports = f.Take();
        Assert.That(Fills(reports), Is.EqualTo(new[] { (300L, 101L, 300L, 100L), (100L, 102L, 400L, 0L) }));
        Assert.That(reports.All(r => r.ClientOrderId == id && r.FeeValue > 0), Is.True, "a triggered stop takes liquidity");
        Assert.That(f.Matcher.StopsTriggered, Is.EqualTo(1));
        Assert.That(f.Matcher.RestingOrderCount, Is.Zero);
    }

    [Test]
    public void OnMarket_TriggeredStopLargerThanTheBook_CancelsTheRest()
    {
        var f = Standard();
        Stop(f, Side.Buy, OrderType.Stop, 2_000, stopTicks: 100);
        f.Take();

        f.Market(Print(Side.None, 101, 10));

        var reports = f.Take();
        Assert.That(reports[^1].Kind, Is.EqualTo(ExecutionKind.Canceled));
        Assert.That(reports[^1].CumulativeQuantity, Is.EqualTo(1_800));
    }

    [Test]
    public void OnMarket_SellStopLimit_TriggersAtOrBelowItsStopFillsToItsLimitAndRestsTheRest()
    {
        var f = Standard();
        long id = Stop(f, Side.Sell, OrderType.StopLimit, 500, stopTicks: 99, limitTicks: 99, tif: TimeInForce.Gtc);
        f.Market(Print(Side.Buy, 100, 50));
        f.Take();

        f.Market(Print(Side.Sell, 99, 50));

        Assert.That(Fills(f.Take()), Is.EqualTo(new[] { (400L, 99L, 400L, 100L) }));
        Assert.That(f.Matcher.TryGetRestingOrder(id, out long ahead, out long leaves), Is.True);
        Assert.That((ahead, leaves), Is.EqualTo((0L, 100L)), "the rest is the new best offer at 99");
    }

    [Test]
    public void OnCommand_CancelOfAWaitingStop_IsCanceled()
    {
        var f = Standard();
        long id = Stop(f, Side.Buy, OrderType.Stop, 10, stopTicks: 105);
        f.Take();

        f.Cancel(id);
        f.Market(Print(Side.Buy, 110, 10));

        Assert.That(Kinds(f.Take()), Is.EqualTo(new[] { ExecutionKind.Canceled }));
        Assert.That(f.Matcher.StopsTriggered, Is.Zero);
    }

    [Test]
    public void ExpireDayOrders_WaitingDayStop_Expires()
    {
        var f = Standard();
        Stop(f, Side.Sell, OrderType.Stop, 10, stopTicks: 90);
        f.Take();

        f.Matcher.ExpireDayOrders(f.Matcher.ClockNs + 1, f.Sink);

        Assert.That(Kinds(f.Take()), Is.EqualTo(new[] { ExecutionKind.Expired }));
    }
}
