using Engine.Book;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Risk;
using Engine.Slippage;
using Engine.Tests.Support;
using Feeds;
using static Engine.Tests.Book.BookEvents;

namespace Engine.Tests.Risk;

/// <summary>
/// Stage 4 as the loop runs it: events through the books, then the stage. Two instruments with 4
/// price decimals; instrument 0 quoted 99.99 / 100.01 (mid $100.00).
/// </summary>
public sealed class RiskStageTests
{
    private static readonly long T0 = BreakerTestClock.T0;

    private readonly ManualClock _clock = new(T0);
    private readonly Mailbox<RiskLimits> _mailbox = new();
    private OrderBooks _books = null!;
    private RiskStage _stage = null!;

    [SetUp]
    public void SetUp()
    {
        _books = new OrderBooks(new BookOptions { Instruments = 2, MaxOrders = 64, MaxLevelsPerSide = 8 });
        var positions = new PositionsOptions { StopLoss = new StopLossOptions { LossBps = 100 } };
        _stage = RiskStage.Create(new RiskOptions(), new SlippageOptions(), positions, _books, _mailbox, _clock);
        Quote(0, 999_900, 1_000_100);
    }

    [Test]
    public void Command_KillResumeReduceOnly_ReachTheBreaker()
    {
        Command(ControlCommand.Kill);
        Assert.That((_stage.Breaker.IsKilled, _stage.Snapshot.TradingState), Is.EqualTo((true, TradingState.Halted)));

        Command(ControlCommand.Resume);
        Assert.That(_stage.Snapshot.TradingState, Is.EqualTo(TradingState.Active));

        Command(ControlCommand.ReduceOnly);
        Assert.That(_stage.Snapshot.TradingState, Is.EqualTo(TradingState.Reducing));
    }

    [Test]
    public void Command_ApplyRiskLimits_PutsThePostedLimitsInForce()
    {
        _mailbox.Post(RiskLimits.Build(new RiskOptions { MaxDailyLossCents = 123 }, 2));

        Command(ControlCommand.ApplyRiskLimits);
        Command(ControlCommand.ApplyRiskLimits); // nothing posted: no change

        Assert.That(_stage.Engine.Limits.MaxDailyLossCents, Is.EqualTo(123));
        Assert.That(_stage.Snapshot.LimitReloads, Is.EqualTo(1));
    }

    [Test]
    public void FeedStatus_StaleThenConnected_RaisesAndClearsTheCauses()
    {
        Publish(new MarketDataEvent { Kind = MarketDataKind.FeedStatus, InstrumentId = -1, Status = (byte)FeedStatus.Stale });

        Assert.That(_stage.Breaker.State, Is.EqualTo(BreakerState.Open));
        Assert.That(_stage.Breaker.Count(BreakerReason.StaleFeed), Is.EqualTo(1));
        Assert.That(_stage.Snapshot.InvalidBooks, Is.EqualTo(1), "only instrument 0 has had data");

        // A level book waits for its snapshot: clear and levels again.
        Publish(new MarketDataEvent { Kind = MarketDataKind.FeedStatus, InstrumentId = -1, Status = (byte)FeedStatus.Connected });
        Quote(0, 999_900, 1_000_100);
        _clock.NowNs += BreakerTestClock.Ms(new BreakerOptions().CoolDownMs);
        Publish(Trade(0, 1_000_000));

        Assert.That(_stage.Snapshot.InvalidBooks, Is.Zero);
        Assert.That(_stage.Breaker.State, Is.EqualTo(BreakerState.HalfOpen), "cool-down over and no cause left");
    }

    [Test]
    public void Mark_StopLossFires_TheClosingOrderIsCheckedAndApprovedInTheSameEvent()
    {
        _stage.Engine.OnFill(new Fill(0, Side.Buy, 100, 1_000_000), 0, orderDone: false, T0);

        Quote(0, 989_900, 990_100); // mid $99.00: 1% down

        Assert.That(_stage.Approved.Count, Is.EqualTo(1));
        var close = _stage.Approved.Intents[0];
        Assert.That((close.Side, close.Type, close.Quantity), Is.EqualTo((Side.Sell, OrderType.Market, 100L)));
        Assert.That(_stage.Snapshot.Approved, Is.EqualTo(1));
    }

    [Test]
    public void Mark_ClosingOrderRefused_IsCountedAndTheStopTriesAgain()
    {
        _stage.Engine.OnFill(new Fill(0, Side.Buy, 100, 1_000_000), 0, orderDone: false, T0);
        Command(ControlCommand.Kill);

        Quote(0, 989_900, 990_100);
        Assert.That(_stage.Approved.Count, Is.Zero);
        Quote(0, 989_800, 990_000);

        Assert.That(_stage.Snapshot.RejectedFor(RiskRejectReason.KillSwitch), Is.EqualTo(2), "refused at both marks");
        Assert.That(_stage.Positions[0].Armed, Is.True);
    }

    [Test]
    public void Mark_InvalidBook_IsNotMarked()
    {
        _stage.Engine.OnFill(new Fill(0, Side.Buy, 100, 1_000_000), 0, orderDone: false, T0);
        Publish(new MarketDataEvent { Kind = MarketDataKind.FeedStatus, InstrumentId = 0, Status = (byte)FeedStatus.Gap });

        Publish(LevelSet(Side.Sell, 900_100, 500) with { InstrumentId = 0 });

        Assert.That(_stage.Positions[0].MarkSubTicks, Is.EqualTo(1_000_000 * PositionTable.SubTicksPerTick));
    }

    [Test]
    public void Trade_OnInstrumentWithoutMid_BecomesTheReferencePrice()
    {
        Publish(Trade(1, 500_000));

        var d = _stage.Submit(new OrderIntent(1, 1, Side.Buy, OrderType.Limit, TimeInForce.Day, 10, LimitPriceTicks: 500_000));

        Assert.That(d.Reason, Is.EqualTo(RiskRejectReason.None));
    }

    [Test]
    public void Submit_MoreApprovalsThanTheEventHolds_RefusesTheRest()
    {
        var intent = new OrderIntent(1, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 1, LimitPriceTicks: 999_900);
        int approved = 0;
        for (int i = 0; i < 17; i++)
        {
            approved += _stage.Submit(intent).Approved ? 1 : 0;
        }

        Assert.That(approved, Is.EqualTo(16));
        Assert.That(_stage.Submit(intent).Reason, Is.EqualTo(RiskRejectReason.TooManyIntents));
    }

    [Test]
    public void Mark_StopOnAPositionLargerThanTheLargestOrder_ClosesItInSlicesAtTheNextMarks()
    {
        var options = new RiskOptions { Defaults = new RiskInstrumentOptions { MaxOrderQuantity = 1_000, MaxPositionQuantity = 5_000, MaxOrderNotionalCents = 1_000_000_000 } };
        var positions = new PositionsOptions { StopLoss = new StopLossOptions { LossBps = 100 } };
        _stage = RiskStage.Create(options, new SlippageOptions(), positions, _books, _mailbox, _clock);
        _stage.Engine.OnFill(new Fill(0, Side.Buy, 1_500, 1_000_000), 0, orderDone: false, T0);

        Quote(0, 989_900, 990_100); // 1% down: the stop fires
        Assert.That(_stage.Approved.Intents[0].Quantity, Is.EqualTo(1_000), "one order's worth");
        _stage.Engine.OnOrderAccepted(0, Side.Sell, 1_000, _stage.Approved.Decisions[0].NotionalCents);
        _stage.Approved.Clear();

        Quote(0, 989_800, 990_000);
        Assert.That(_stage.Approved.Intents[0].Quantity, Is.EqualTo(500), "the rest");
        _stage.Engine.OnOrderAccepted(0, Side.Sell, 500, _stage.Approved.Decisions[0].NotionalCents);
        _stage.Approved.Clear();

        Quote(0, 989_700, 989_900);
        Assert.That(_stage.Approved.Count, Is.Zero, "open orders cover the whole position");
    }

    [Test]
    public void Trade_OnInstrumentWithoutMid_MarksItsPosition()
    {
        _stage.Engine.OnFill(new Fill(1, Side.Buy, 10, 500_000), 0, orderDone: false, T0);

        Publish(Trade(1, 510_000));

        Assert.That(_stage.Positions[1].MarkSubTicks, Is.EqualTo(510_000 * PositionTable.SubTicksPerTick));
        Assert.That(_stage.Positions.Totals.UnrealisedCents, Is.EqualTo((Int128)1_000), "10 x $1.00");
    }

    private static MarketDataEvent Trade(int id, long priceTicks) =>
        new() { Kind = MarketDataKind.Trade, InstrumentId = id, PriceTicks = priceTicks, Quantity = 1 };

    private void Quote(int id, long bid, long ask)
    {
        Publish(Clear(Side.None) with { InstrumentId = id });
        Publish(LevelSet(Side.Buy, bid, 500) with { InstrumentId = id });
        Publish(LevelSet(Side.Sell, ask, 500) with { InstrumentId = id });
    }

    [Test]
    public void Batch_AfterAQuietSpell_ItsEventsCarryTheTimeReadAtItsFirstEvent()
    {
        var e = new InboundEvent { Kind = InboundKind.MarketData, Market = new MarketDataEvent { Kind = MarketDataKind.Trade, InstrumentId = 0, PriceTicks = 1_000_000, Quantity = 1 } };
        _stage.OnEvent(ref e, endOfBatch: true);
        _clock.NowNs = T0 + 10_000_000_000;

        _stage.OnEvent(ref e, endOfBatch: false);
        long atFirst = _stage.NowNs;
        _clock.NowNs += 1_000;
        _stage.OnEvent(ref e, endOfBatch: true);

        Assert.That((atFirst, _stage.NowNs), Is.EqualTo((T0 + 10_000_000_000, T0 + 10_000_000_000)), "one read a batch, at its first event");
    }

    [Test]
    public void Batch_OnTheSystemClock_CarriesItsFirstEventsPublishTime()
    {
        var clock = new SystemClock();
        var stage = RiskStage.Create(new RiskOptions(), new SlippageOptions(), new PositionsOptions(), _books, _mailbox, clock);
        long publishTicks = System.Diagnostics.Stopwatch.GetTimestamp() - (System.Diagnostics.Stopwatch.Frequency / 200);
        var e = new InboundEvent { Kind = InboundKind.MarketData, TsPublishTicks = publishTicks, Market = new MarketDataEvent { Kind = MarketDataKind.Trade, InstrumentId = 0, PriceTicks = 1_000_000, Quantity = 1 } };

        stage.OnEvent(ref e, endOfBatch: true);

        Assert.That(stage.NowNs, Is.EqualTo(clock.UtcNsAt(publishTicks)));
        Assert.That(clock.UtcNowNs() - stage.NowNs, Is.GreaterThanOrEqualTo(5_000_000), "the event was published 5 ms ago");
    }

    private void Publish(MarketDataEvent market)
    {
        var e = new InboundEvent { Kind = InboundKind.MarketData, Market = market };
        _books.OnEvent(ref e);
        _stage.OnEvent(ref e, endOfBatch: true);
        _stage.PublishSnapshot();
    }

    private void Command(ControlCommand command)
    {
        var e = new InboundEvent { Kind = InboundKind.Command, Command = command };
        _stage.OnEvent(ref e, endOfBatch: true);
        _stage.PublishSnapshot();
    }
}
