using Engine.Positions;
using Engine.Risk;
using Feeds;
using static Engine.Tests.Risk.RiskFixture;

namespace Engine.Tests.Risk;

/// <summary>
/// Check 10 and the wiring of positions into the risk engine: P&amp;L marked to the book's mid, the
/// daily loss limit at its boundary, the session start, and reloaded limits. Instrument 0 has 4 price
/// decimals, so 100 shares moving one tick ($0.0001) move the P&amp;L by one cent.
/// </summary>
public sealed class RiskEngineDailyLossTests
{
    private const long LimitCents = 500;

    private static RiskFixture LongHundredAtMid(long feeValue = 0)
    {
        var f = new RiskFixture(o => o.MaxDailyLossCents = LimitCents);
        Assert.That(f.Engine.OnFill(new Fill(0, Side.Buy, 100, Mid, feeValue), 0, orderDone: false, T0), Is.EqualTo(PositionError.None));
        return f;
    }

    [Test]
    public void OnMark_LossExactlyAtTheLimit_KeepsTheBreakerClosed()
    {
        var f = LongHundredAtMid();

        f.MoveTouch(999_400, 999_600); // mid 999,500: 500 ticks x 100 = $5.00

        Assert.That(f.Engine.DailyPnlCents, Is.EqualTo((Int128)(-500)));
        Assert.That(f.Breaker.State, Is.EqualTo(BreakerState.Closed));
    }

    [Test]
    public void OnMark_LossOneCentPastTheLimit_TripsTheBreakerOnDailyLoss()
    {
        var f = LongHundredAtMid();

        f.MoveTouch(999_398, 999_600); // mid 999,499: $5.01

        Assert.That(f.Engine.DailyPnlCents, Is.EqualTo((Int128)(-501)));
        Assert.That(f.Breaker.State, Is.EqualTo(BreakerState.Open));
        Assert.That(f.Breaker.Count(BreakerReason.DailyLoss), Is.EqualTo(1));
        Assert.That(f.Check(Limit(Side.Buy, 10, 999_500)), Is.EqualTo(RiskRejectReason.BreakerOpen));
    }

    [Test]
    public void OnFill_FeesCountTowardTheLoss()
    {
        // A fee of one cent (10^6 value units at 4 decimals) on top of a $5.00 mark loss.
        var f = LongHundredAtMid(feeValue: 1_000_000);

        f.MoveTouch(999_400, 999_600);

        Assert.That(f.Engine.DailyPnlCents, Is.EqualTo((Int128)(-501)));
        Assert.That(f.Breaker.State, Is.EqualTo(BreakerState.Open));
    }

    [Test]
    public void OnFill_RealisedLossPastTheLimit_Trips()
    {
        var f = LongHundredAtMid();

        f.Engine.OnFill(new Fill(0, Side.Sell, 100, Mid - 501), 0, orderDone: false, T0);

        Assert.That(f.Positions.Totals.RealisedCents, Is.EqualTo((Int128)(-501)));
        Assert.That(f.Breaker.State, Is.EqualTo(BreakerState.Open));
    }

    [Test]
    public void OnMark_LossPersisting_RaisesTheCauseOnce()
    {
        var f = LongHundredAtMid();

        f.MoveTouch(999_000, 999_200);
        f.MoveTouch(998_000, 998_200);
        f.MoveTouch(997_000, 997_200);

        Assert.That(f.Breaker.Count(BreakerReason.DailyLoss), Is.EqualTo(1));
    }

    [Test]
    public void Tick_SessionStart_RestartsTheDayFromTheCurrentPnl()
    {
        var f = LongHundredAtMid();
        f.MoveTouch(999_000, 999_200); // -$9.00, tripped
        long sessionStart = f.Breaker.NextSessionStartNs;

        f.Engine.Tick(sessionStart);
        f.Breaker.Resume(sessionStart);

        Assert.That(f.Engine.DailyPnlCents, Is.EqualTo((Int128)0));
        f.MoveTouch(998_500, 998_700, sessionStart); // a further $5.00: at the new day's limit
        Assert.That(f.Breaker.State, Is.EqualTo(BreakerState.Closed));
        f.MoveTouch(998_498, 998_700, sessionStart); // $5.01
        Assert.That(f.Breaker.State, Is.EqualTo(BreakerState.Open));
        Assert.That(f.Breaker.Count(BreakerReason.DailyLoss), Is.EqualTo(2));
    }

    [Test]
    public void OnMark_NoMid_LeavesThePositionAlone()
    {
        var f = LongHundredAtMid();
        f.Engine.OnFill(new Fill(1, Side.Buy, 10, Mid), 0, orderDone: false, T0);

        Assert.That(f.Engine.OnMark(1, f.ClosingIntents, T0), Is.EqualTo(PositionError.None));

        Assert.That(f.Positions[1].MarkSubTicks, Is.EqualTo(Mid * PositionTable.SubTicksPerTick), "instrument 1's book is empty");
    }

    [Test]
    public void OnMark_StopLossFires_EmitsAClosingIntentThatTheChecksTakeAsReducing()
    {
        var f = new RiskFixture(o => o.MaxDailyLossCents = 1_000_000);
        var positions = f.Positions;
        positions.SetStopRules(0, StopRules.From(new StopLossOptions { LossBps = 10 }, new TrailingStopOptions()));
        f.Engine.OnFill(new Fill(0, Side.Buy, 100, Mid), 0, orderDone: false, T0);
        f.Breaker.ReduceOnly(T0);

        f.MoveTouch(998_900, 999_100); // mid 999,000: down 10 bps

        Assert.That(f.ClosingIntents.Count, Is.EqualTo(1));
        var close = f.ClosingIntents.Items[0];
        Assert.That((close.Side, close.Quantity, close.Reason), Is.EqualTo((Side.Sell, 100L, ClosingReason.StopLoss)));
        Assert.That(f.Check(Market(close.Side, close.Quantity)), Is.EqualTo(RiskRejectReason.None), "reducing orders pass while Reducing");
        Assert.That(f.Check(Market(Side.Buy, 10)), Is.EqualTo(RiskRejectReason.ReducingOnly));
    }

    [Test]
    public void ApplyLimits_LowerDailyLossLimit_TripsAtOnce()
    {
        var f = LongHundredAtMid();
        f.MoveTouch(999_700, 999_900); // -$2.00

        f.Engine.ApplyLimits(RiskLimits.Build(new RiskOptions { MaxDailyLossCents = 199 }, 2), T0 + 1);

        Assert.That(f.Engine.LimitReloads, Is.EqualTo(1));
        Assert.That(f.Breaker.State, Is.EqualTo(BreakerState.Open));
    }

    [Test]
    public void ApplyLimits_NewOrderLimits_ApplyToTheNextCheck()
    {
        var f = new RiskFixture();
        Assert.That(f.Check(Limit(Side.Buy, 500, Mid)), Is.EqualTo(RiskRejectReason.None));

        var tighter = new RiskOptions { Defaults = new RiskInstrumentOptions { LotSize = 10, MaxOrderQuantity = 490, MaxPositionQuantity = 2_000 } };
        f.Engine.ApplyLimits(RiskLimits.Build(tighter, 2), T0);

        Assert.That(f.Check(Limit(Side.Buy, 500, Mid)), Is.EqualTo(RiskRejectReason.MaxOrderQuantity));
        Assert.That(f.Check(Limit(Side.Buy, 490, Mid)), Is.EqualTo(RiskRejectReason.None));
    }

    [Test]
    public void ApplyLimits_SmallerSubmitBurst_KeepsNoMoreTokensThanTheNewCapacity()
    {
        var f = new RiskFixture(o => o.Defaults.MaxOrderNotionalCents = 1_000_000_000);
        var options = new RiskOptions { SubmitBurst = 2, SubmitsPerSecond = 1, Defaults = new RiskInstrumentOptions { LotSize = 10 } };

        f.Engine.ApplyLimits(RiskLimits.Build(options, 2), T0);

        Assert.That(f.Check(Limit(Side.Buy, 10, Mid)), Is.EqualTo(RiskRejectReason.None));
        Assert.That(f.Check(Limit(Side.Buy, 10, Mid)), Is.EqualTo(RiskRejectReason.None));
        Assert.That(f.Check(Limit(Side.Buy, 10, Mid)), Is.EqualTo(RiskRejectReason.SubmitRate));
    }

    [Test]
    public void ApplyLimits_ForOtherInstrumentCount_Throws()
    {
        var f = new RiskFixture();

        Assert.Throws<ArgumentException>(() => f.Engine.ApplyLimits(RiskLimits.Build(new RiskOptions(), 3), T0));
    }

    [Test]
    public void Build_InvalidOptions_ListsEveryProblemWithItsKey()
    {
        var options = new RiskOptions { MaxDailyLossCents = 0, Instruments = [new RiskInstrumentOptions { InstrumentId = 5 }] };

        var errors = RiskLimits.Validate(options, 2);

        Assert.That(errors, Has.One.StartsWith("risk.maxDailyLossCents: 0 is outside"));
        Assert.That(errors, Has.One.StartsWith("risk.instruments[0].instrumentId: 5 is outside 0..1"));
    }
}
