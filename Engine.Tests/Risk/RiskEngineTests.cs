using Engine.Risk;
using Feeds;
using static Engine.Tests.Risk.RiskFixture;

namespace Engine.Tests.Risk;

/// <summary>Each check at its boundary (see <see cref="RiskFixture"/> for the book and limits), the order of the checks, and the bookkeeping.</summary>
public sealed class RiskEngineTests
{
    [Test]
    public void Check_PlainLimitOrder_IsApprovedWithItsNotional()
    {
        var d = new RiskFixture().Engine.Check(Limit(Side.Buy, 100, Mid), T0);

        Assert.That(d, Is.EqualTo(new RiskDecision(RiskRejectReason.None, false, 1_000_000, ReferenceSubTicks: Mid * Engine.Book.OrderBook.SubTicksPerTick)));
        Assert.That(d.Approved, Is.True);
    }

    [Test]
    public void Check_MarketableOrder_CarriesTheMidAndTheEstimatedAveragePrice()
    {
        // 400 at the market, within the 500 at 100.01: the estimate is the touch.
        var d = new RiskFixture().Engine.Check(Market(Side.Buy, 400), T0);

        Assert.That(d.Approved, Is.True, d.Reason.ToString());
        Assert.That(d.ReferenceSubTicks, Is.EqualTo(Mid * Engine.Book.OrderBook.SubTicksPerTick));
        Assert.That(d.EstimatedPriceSubTicks, Is.EqualTo(Ask * Engine.Book.OrderBook.SubTicksPerTick));
    }

    [Test]
    public void Check_KillSwitch_RefusesOrdersButPassesCancels()
    {
        var f = new RiskFixture();
        f.Breaker.Kill(T0);

        Assert.That(f.Check(Limit(Side.Buy, 100, Mid)), Is.EqualTo(RiskRejectReason.KillSwitch));
        Assert.That(f.Check(CancelOf(7)), Is.EqualTo(RiskRejectReason.None));
    }

    [Test]
    public void Check_ReducingState_PassesOnlyOrdersThatReduceThePosition()
    {
        var f = new RiskFixture();
        f.Engine.OnFill(new Fill(0, Side.Buy, 100, Mid), 0, orderDone: false, T0);
        f.Breaker.ReduceOnly(T0);

        Assert.That(f.Check(Limit(Side.Sell, 100, Mid)), Is.EqualTo(RiskRejectReason.None));
        Assert.That(f.Check(Limit(Side.Sell, 110, Mid)), Is.EqualTo(RiskRejectReason.ReducingOnly));
        Assert.That(f.Check(Limit(Side.Buy, 10, Mid)), Is.EqualTo(RiskRejectReason.ReducingOnly));
    }

    [Test]
    public void Check_HalfOpenBreaker_ApprovesOneOrderWithinTheProbeLimitsAsTheProbe()
    {
        // Probe limits (breaker defaults): 100 units and $10,000; 100 at $100.00 is exactly both.
        var f = new RiskFixture();
        f.Breaker.RaiseCause(BreakerReason.StaleFeed, T0);
        f.Breaker.ClearCause(BreakerReason.StaleFeed);
        f.Breaker.Tick(T0 + 60_000_000_000);
        f.Breaker.Tick(T0 + 60_000_000_001);
        Assert.That(f.Breaker.State, Is.EqualTo(BreakerState.HalfOpen));

        Assert.That(f.Check(Limit(Side.Buy, 110, Mid)), Is.EqualTo(RiskRejectReason.NotAProbe));
        Assert.That(f.Check(Limit(Side.Buy, 100, Mid + 100)), Is.EqualTo(RiskRejectReason.NotAProbe));
        Assert.That(f.Engine.Check(Limit(Side.Buy, 100, Mid), T0), Is.EqualTo(new RiskDecision(RiskRejectReason.None, true, 1_000_000, ReferenceSubTicks: Mid * Engine.Book.OrderBook.SubTicksPerTick)));
        f.Breaker.OnProbeSent(T0 + 60_000_000_002);
        Assert.That(f.Check(Limit(Side.Buy, 100, Mid)), Is.EqualTo(RiskRejectReason.ProbeInFlight));
    }

    [Test]
    public void Check_HaltedAndInvalid_ReportsTheEarlierCheck()
    {
        var f = new RiskFixture();
        f.Breaker.Kill(T0);

        Assert.That(f.Check(Limit(Side.Buy, 0, 5)), Is.EqualTo(RiskRejectReason.KillSwitch));
        Assert.That(f.Check(Limit(Side.Buy, 100, Mid, instrumentId: 9)), Is.EqualTo(RiskRejectReason.KillSwitch));
    }

    [Test]
    public void Check_OutsideCollarAndTooLarge_ReportsTheCollar()
    {
        Assert.That(new RiskFixture().Check(Limit(Side.Buy, 5_000, 1_100_000)), Is.EqualTo(RiskRejectReason.PriceOutsideCollar));
    }

    [Test]
    public void Check_TooLargeAndOverThePosition_ReportsTheQuantity()
    {
        var f = new RiskFixture();
        f.Engine.OnFill(new Fill(0, Side.Buy, 1_500, Mid), 0, orderDone: false, T0);

        Assert.That(f.Check(Limit(Side.Buy, 1_010, Mid)), Is.EqualTo(RiskRejectReason.MaxOrderQuantity));
    }

    [TestCase(9, RiskRejectReason.UnknownInstrument)]
    [TestCase(-1, RiskRejectReason.UnknownInstrument)]
    public void Check_UnknownInstrument_IsRefused(int instrumentId, RiskRejectReason expected) =>
        Assert.That(new RiskFixture().Check(Limit(Side.Buy, 100, Mid, instrumentId)), Is.EqualTo(expected));

    [Test]
    public void Check_NotTradable_IsRefused()
    {
        var f = new RiskFixture(o => o.Instruments.Add(new RiskInstrumentOptions { InstrumentId = 1, Tradable = false }));

        Assert.That(f.Check(Limit(Side.Buy, 100, Mid, 1)), Is.EqualTo(RiskRejectReason.NotTradable));
    }

    [TestCase(Side.None, OrderType.Limit, TimeInForce.Day, 100, RiskRejectReason.InvalidSide)]
    [TestCase(Side.Buy, OrderType.None, TimeInForce.Day, 100, RiskRejectReason.InvalidOrderType)]
    [TestCase(Side.Buy, OrderType.Limit, TimeInForce.None, 100, RiskRejectReason.InvalidTimeInForce)]
    [TestCase(Side.Buy, OrderType.Limit, (TimeInForce)99, 100, RiskRejectReason.InvalidTimeInForce)]
    [TestCase(Side.Buy, OrderType.Limit, TimeInForce.Opg, 100, RiskRejectReason.None)]
    [TestCase(Side.Buy, OrderType.Limit, TimeInForce.Fok, 100, RiskRejectReason.None)]
    [TestCase(Side.Buy, OrderType.Limit, TimeInForce.Day, 0, RiskRejectReason.InvalidQuantity)]
    [TestCase(Side.Buy, OrderType.Limit, TimeInForce.Day, -10, RiskRejectReason.InvalidQuantity)]
    [TestCase(Side.Buy, OrderType.Limit, TimeInForce.Day, 10, RiskRejectReason.None)]
    [TestCase(Side.Buy, OrderType.Limit, TimeInForce.Day, 15, RiskRejectReason.QuantityNotLotMultiple)]
    public void Check_OrderShape_IsValidated(Side side, OrderType type, TimeInForce tif, long quantity, RiskRejectReason expected)
    {
        var intent = new OrderIntent(1, 0, side, type, tif, quantity, LimitPriceTicks: Mid);

        Assert.That(new RiskFixture().Check(intent), Is.EqualTo(expected));
    }

    [TestCase(OrderType.Stop, TimeInForce.Ioc, 0, Mid, 0, RiskRejectReason.InvalidTimeInForce)]
    [TestCase(OrderType.TrailingStop, TimeInForce.Cls, 0, 0, 100, RiskRejectReason.InvalidTimeInForce)]
    [TestCase(OrderType.Market, TimeInForce.Cls, 0, 0, 0, RiskRejectReason.None)]
    [TestCase(OrderType.Limit, TimeInForce.Day, 0, 0, 0, RiskRejectReason.MissingPrice)]
    [TestCase(OrderType.Limit, TimeInForce.Day, -100, 0, 0, RiskRejectReason.MissingPrice)]
    [TestCase(OrderType.Stop, TimeInForce.Day, 0, 0, 0, RiskRejectReason.MissingPrice)]
    [TestCase(OrderType.StopLimit, TimeInForce.Gtc, Mid, 0, 0, RiskRejectReason.MissingPrice)]
    [TestCase(OrderType.StopLimit, TimeInForce.Gtc, Mid, Mid, 0, RiskRejectReason.None)]
    [TestCase(OrderType.TrailingStop, TimeInForce.Day, 0, 0, 0, RiskRejectReason.MissingPrice)]
    [TestCase(OrderType.TrailingStop, TimeInForce.Day, 0, 0, 500, RiskRejectReason.None)]
    [TestCase(OrderType.Market, TimeInForce.Day, Mid, 0, 0, RiskRejectReason.UnexpectedPrice)]
    [TestCase(OrderType.Limit, TimeInForce.Day, Mid, 0, 100, RiskRejectReason.UnexpectedPrice)]
    [TestCase(OrderType.Stop, TimeInForce.Day, 0, Mid, 0, RiskRejectReason.None)]
    public void Check_PricesForTheType_AreRequired(OrderType type, TimeInForce tif, long limit, long stop, long trail, RiskRejectReason expected)
    {
        var intent = new OrderIntent(1, 0, Side.Buy, type, tif, 100, limit, stop, trail);

        Assert.That(new RiskFixture().Check(intent), Is.EqualTo(expected));
    }

    [TestCase(4, 1_000_000, RiskRejectReason.None)]
    [TestCase(4, 1_000_050, RiskRejectReason.SubPenny)]
    [TestCase(4, 9_999, RiskRejectReason.None)]
    [TestCase(6, 999_900, RiskRejectReason.None)]
    [TestCase(6, 999_999, RiskRejectReason.SubPenny)]
    [TestCase(6, 1_000_000, RiskRejectReason.None)]
    [TestCase(6, 1_010_000, RiskRejectReason.None)]
    [TestCase(6, 1_009_900, RiskRejectReason.SubPenny)]
    public void Check_SubPennyRule_AllowsTwoDecimalsFromOneDollarAndFourBelow(int priceDecimals, long priceTicks, RiskRejectReason expected)
    {
        // The instrument's reference is its own price, so the collar never interferes.
        var f = new RiskFixture(o => o.Instruments.Add(new RiskInstrumentOptions { InstrumentId = 1, PriceDecimals = priceDecimals, MaxOrderNotionalCents = 1_000_000_000 }));
        f.Engine.OnTrade(1, priceTicks);

        Assert.That(f.Check(Limit(Side.Buy, 10, priceTicks, 1)), Is.EqualTo(expected));
    }

    [TestCase(1_000_000, RiskRejectReason.None)]
    [TestCase(1_000_100, RiskRejectReason.PriceOffTick)]
    public void Check_PriceOffTheMinimumIncrement_IsRefused(long priceTicks, RiskRejectReason expected)
    {
        var f = new RiskFixture(o => o.Defaults.MinPriceIncrementTicks = 500);

        Assert.That(f.Check(Limit(Side.Sell, 100, priceTicks)), Is.EqualTo(expected));
    }

    [TestCase(Side.Buy, 1_010_000, RiskRejectReason.None)]
    [TestCase(Side.Buy, 1_010_100, RiskRejectReason.PriceOutsideCollar)]
    [TestCase(Side.Sell, 990_000, RiskRejectReason.None)]
    [TestCase(Side.Sell, 989_900, RiskRejectReason.PriceOutsideCollar)]
    public void Check_PriceCollar_HoldsAtExactlyOneHundredBps(Side side, long priceTicks, RiskRejectReason expected) =>
        Assert.That(new RiskFixture().Check(Limit(side, 100, priceTicks)), Is.EqualTo(expected));

    [Test]
    public void Check_StopPriceOutsideCollar_IsRefused()
    {
        var stop = new OrderIntent(1, 0, Side.Sell, OrderType.Stop, TimeInForce.Day, 100, StopPriceTicks: 989_900);

        Assert.That(new RiskFixture().Check(stop), Is.EqualTo(RiskRejectReason.PriceOutsideCollar));
    }

    [Test]
    public void Check_NoMid_UsesTheLastTradeAndWithoutOneRefuses()
    {
        var f = new RiskFixture();

        Assert.That(f.Check(Limit(Side.Buy, 100, Mid, 1)), Is.EqualTo(RiskRejectReason.NoReferencePrice));
        f.Engine.OnTrade(1, 2_000_000);
        Assert.That(f.Check(Limit(Side.Buy, 10, 2_020_000, 1)), Is.EqualTo(RiskRejectReason.None));
        Assert.That(f.Check(Limit(Side.Buy, 10, 2_020_100, 1)), Is.EqualTo(RiskRejectReason.PriceOutsideCollar));
    }

    [TestCase(1_000, RiskRejectReason.None)]
    [TestCase(1_010, RiskRejectReason.MaxOrderQuantity)]
    public void Check_OrderQuantity_HoldsAtTheLimit(long quantity, RiskRejectReason expected)
    {
        var f = new RiskFixture(o => o.Defaults.MaxOrderNotionalCents = 1_000_000_000);

        Assert.That(f.Check(Limit(Side.Sell, quantity, Mid)), Is.EqualTo(expected));
    }

    [TestCase(500, Mid, RiskRejectReason.None)]
    [TestCase(510, Mid, RiskRejectReason.MaxOrderNotional)]
    [TestCase(500, Mid + 100, RiskRejectReason.MaxOrderNotional)]
    public void Check_OrderNotional_HoldsAtTheLimit(long quantity, long priceTicks, RiskRejectReason expected) =>
        Assert.That(new RiskFixture().Check(Limit(Side.Sell, quantity, priceTicks)), Is.EqualTo(expected));

    [Test]
    public void Check_MarketOrder_IsValuedAtTheMid()
    {
        var f = new RiskFixture();

        Assert.That(f.Engine.Check(Market(Side.Buy, 500), T0).NotionalCents, Is.EqualTo(5_000_000));
        Assert.That(f.Check(Market(Side.Buy, 510)), Is.EqualTo(RiskRejectReason.MaxOrderNotional));
    }

    [TestCase(Side.Buy, 490, RiskRejectReason.None)]
    [TestCase(Side.Buy, 500, RiskRejectReason.PositionLimit)]
    [TestCase(Side.Sell, 1_000, RiskRejectReason.None)]
    public void Check_PositionLimit_CountsOpenOrdersOnTheSameSide(Side side, long quantity, RiskRejectReason expected)
    {
        // Position +1,000 and 510 open to buy: a buy may add 490; a sell of 1,000 leaves 0 (open sells: none).
        var f = new RiskFixture(o => { o.MaxGrossNotionalCents = 1_000_000_000; o.Defaults.MaxOrderNotionalCents = 1_000_000_000; });
        f.Engine.OnFill(new Fill(0, Side.Buy, 1_000, Mid), 0, orderDone: false, T0);
        f.Engine.OnOrderAccepted(0, Side.Buy, 510, 5_100_000);

        Assert.That(f.Check(Limit(Side.Buy, quantity, 990_000) with { Side = side }), Is.EqualTo(expected));
    }

    [TestCase(500, RiskRejectReason.None)]
    [TestCase(510, RiskRejectReason.GrossExposure)]
    public void Check_GrossExposure_CountsPositionsAndOpenOrders(long quantity, RiskRejectReason expected)
    {
        // $100,000 of position (1,000 at $100) + $50,000 open + this order: at most $200,000.
        var f = new RiskFixture(o => o.Defaults.MaxOrderNotionalCents = 1_000_000_000);
        f.Engine.OnFill(new Fill(0, Side.Buy, 1_000, Mid), 0, orderDone: false, T0);
        f.Engine.OnOrderAccepted(0, Side.Sell, 500, 5_000_000);

        Assert.That(f.Engine.GrossExposureCents, Is.EqualTo((Int128)15_000_000));
        Assert.That(f.Check(Limit(Side.Sell, quantity, Mid)), Is.EqualTo(expected));
    }

    [Test]
    public void Check_MaxOpenOrders_RefusesTheOneTooMany()
    {
        var f = new RiskFixture();
        Assert.That(f.Submit(Limit(Side.Buy, 10, Mid)).Approved, Is.True);
        Assert.That(f.Submit(Limit(Side.Buy, 10, Mid)).Approved, Is.True);
        Assert.That(f.Submit(Limit(Side.Buy, 10, Mid)).Approved, Is.True);

        Assert.That(f.Check(Limit(Side.Buy, 10, Mid)), Is.EqualTo(RiskRejectReason.MaxOpenOrders));
        f.Engine.OnOrderClosed(0, Side.Buy, 10, 10_000);
        Assert.That(f.Check(Limit(Side.Buy, 10, Mid)), Is.EqualTo(RiskRejectReason.None));
    }

    [Test]
    public void Check_MaxOpenPositions_RefusesANewInstrumentButNotAnEngagedOne()
    {
        var f = new RiskFixture();
        f.Engine.OnTrade(1, Mid);
        f.Engine.OnFill(new Fill(0, Side.Buy, 10, Mid), 0, orderDone: false, T0);

        Assert.That(f.Engine.EngagedInstruments, Is.EqualTo(1));
        Assert.That(f.Check(Limit(Side.Buy, 10, Mid, 1)), Is.EqualTo(RiskRejectReason.MaxOpenPositions));
        Assert.That(f.Check(Limit(Side.Buy, 10, Mid, 0)), Is.EqualTo(RiskRejectReason.None));
        f.Engine.OnFill(new Fill(0, Side.Sell, 10, Mid), 0, orderDone: false, T0);
        Assert.That(f.Check(Limit(Side.Buy, 10, Mid, 1)), Is.EqualTo(RiskRejectReason.None));
    }

    [Test]
    public void Check_SubmitRate_BurstThenOneTokenPerPeriod()
    {
        var f = new RiskFixture(o => o.MaxOpenOrders = 100);
        for (int i = 0; i < 5; i++)
        {
            Assert.That(f.Check(Limit(Side.Buy, 10, Mid)), Is.EqualTo(RiskRejectReason.None), $"order {i}");
        }

        Assert.That(f.Check(Limit(Side.Buy, 10, Mid)), Is.EqualTo(RiskRejectReason.SubmitRate));
        Assert.That(f.Check(Limit(Side.Buy, 10, Mid), T0 + 99_999_999), Is.EqualTo(RiskRejectReason.SubmitRate));
        Assert.That(f.Check(Limit(Side.Buy, 10, Mid), T0 + 100_000_000), Is.EqualTo(RiskRejectReason.None));
        Assert.That(f.Check(Limit(Side.Buy, 10, Mid), T0 + 100_000_000), Is.EqualTo(RiskRejectReason.SubmitRate));
    }

    [Test]
    public void Check_SubmitRate_RefillsNoMoreThanTheBurst()
    {
        var f = new RiskFixture();
        for (int i = 0; i < 5; i++)
        {
            f.Check(Limit(Side.Buy, 10, Mid));
        }
        long later = T0 + 60_000_000_000;
        for (int i = 0; i < 5; i++)
        {
            Assert.That(f.Check(Limit(Side.Buy, 10, Mid), later), Is.EqualTo(RiskRejectReason.None), $"order {i}");
        }

        Assert.That(f.Check(Limit(Side.Buy, 10, Mid), later), Is.EqualTo(RiskRejectReason.SubmitRate));
    }

    [Test]
    public void Check_RefusedOrders_TakeNoSubmitToken()
    {
        var f = new RiskFixture();
        for (int i = 0; i < 20; i++)
        {
            f.Check(Limit(Side.Buy, 15, Mid));
        }

        Assert.That(f.Check(Limit(Side.Buy, 10, Mid)), Is.EqualTo(RiskRejectReason.None));
    }

    [Test]
    public void Check_Cancels_HaveTheirOwnBucketAndPassWhenHalted()
    {
        var f = new RiskFixture();
        f.Breaker.Kill(T0);

        Assert.That(f.Check(CancelOf(1)), Is.EqualTo(RiskRejectReason.None));
        Assert.That(f.Check(CancelOf(2)), Is.EqualTo(RiskRejectReason.None));
        Assert.That(f.Check(CancelOf(3)), Is.EqualTo(RiskRejectReason.CancelRate));
        Assert.That(f.Check(CancelOf(3), T0 + 1_000_000_000), Is.EqualTo(RiskRejectReason.None));
    }

    [TestCase(980, RiskRejectReason.None)]
    [TestCase(990, RiskRejectReason.Slippage)]
    public void Check_Slippage_HoldsAtExactlyTheMaximum(long quantity, RiskRejectReason expected)
    {
        // 500 at 100.01 and 480 at 100.50 average 100.25: exactly 25 bps over the mid of 100.00.
        var f = new RiskFixture(o => { o.MaxSlippageBps = 25; o.MaxGrossNotionalCents = 1_000_000_000; o.Defaults.MaxOrderNotionalCents = 1_000_000_000; });

        Assert.That(f.Check(Market(Side.Buy, quantity)), Is.EqualTo(expected));
    }

    [Test]
    public void Check_MarketOrderOnAnEmptyBook_HasNoLiquidity()
    {
        var f = new RiskFixture();
        f.Engine.OnTrade(1, Mid);

        Assert.That(f.Check(Market(Side.Buy, 10, 1)), Is.EqualTo(RiskRejectReason.NoLiquidity));
    }

    [Test]
    public void Check_RestingLimitOrder_SkipsTheSlippageCheck()
    {
        // 500 at 100.01 and 100 at 100.50 average 100.0917: over 9 bps from the mid.
        var f = new RiskFixture(o => { o.MaxSlippageBps = 9; o.Defaults.MaxOrderNotionalCents = 1_000_000_000; });

        Assert.That(f.Check(Limit(Side.Buy, 600, Bid)), Is.EqualTo(RiskRejectReason.None));
        Assert.That(f.Check(Limit(Side.Buy, 600, 1_005_000)), Is.EqualTo(RiskRejectReason.Slippage));
        Assert.That(f.Check(Limit(Side.Buy, 600, Ask)), Is.EqualTo(RiskRejectReason.None), "only the marketable 500 count");
    }

    [Test]
    public void OnFillAndOnOrderClosed_KeepTheOpenStateTrue()
    {
        var f = new RiskFixture();
        var d = f.Submit(Limit(Side.Buy, 100, Mid));
        f.Engine.OnFill(new Fill(0, Side.Buy, 40, Mid), 400_000, orderDone: false, T0);
        f.Engine.OnOrderClosed(0, Side.Buy, 60, d.NotionalCents - 400_000);

        var e = f.Engine[0];
        Assert.That((f.Positions[0].Quantity, e.OpenBuyQuantity, e.OpenOrders, f.Engine.OpenOrders), Is.EqualTo((40L, 0L, 0, 0)));
        Assert.That((f.Engine.GrossExposureCents, f.Engine.EngagedInstruments), Is.EqualTo(((Int128)400_000, 1)));
        Assert.That(f.Engine.FindInvariantViolation(), Is.Null);
    }

    [Test]
    public void Describe_EveryReason_HasItsOwnMessage()
    {
        var reasons = Enum.GetValues<RiskRejectReason>();
        var messages = reasons.Select(RiskMessages.Describe).ToHashSet();

        Assert.That(messages, Has.Count.EqualTo(reasons.Length));
        Assert.That(RiskMessages.Describe((RiskRejectReason)200), Does.Contain("200"));
    }
}
