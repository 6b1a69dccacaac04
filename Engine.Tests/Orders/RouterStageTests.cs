using Engine.Metrics;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Risk;
using Feeds;
using static Engine.Tests.Orders.RouterFixture;

namespace Engine.Tests.Orders;

public sealed class RouterStageTests
{
    [Test]
    public void MarketEvent_WritesNothingToTheVenue()
    {
        var f = new RouterFixture();
        long before = f.Outbound.Cursor;

        f.Market(new MarketDataEvent { InstrumentId = 1, Kind = MarketDataKind.Add, Side = Side.Sell, OrderId = 77, PriceTicks = Ask, Quantity = 30 });

        Assert.That(f.Outbound.Cursor, Is.EqualTo(before), "a simulated venue reads the market from the inbound ring itself");
    }

    [Test]
    public void Approved_Intent_IsWrittenAsANewCommandAndCountsAsOpen()
    {
        var f = new RouterFixture();

        f.Submit(Limit(Side.Buy, 100, Bid));

        var c = f.LastCommand;
        Assert.That((c.Kind, c.Side, c.Type, c.Quantity, c.LimitPriceTicks), Is.EqualTo((OrderCommandKind.New, Side.Buy, OrderType.Limit, 100L, Bid)));
        Assert.That(ClientOrderIds.Format(c.ClientOrderId), Does.StartWith("eng-"));
        ref readonly var order = ref f.OrderOf(c.ClientOrderId);
        Assert.That((order.Status, order.Side, order.Type, order.Quantity, order.LimitPriceTicks), Is.EqualTo((OrderStatus.PendingNew, Side.Buy, OrderType.Limit, 100L, Bid)));
        Assert.That(order.SentTicks, Is.EqualTo(c.TsSentTicks), "the order's send time is its command's stamp");
        Assert.That(f.Risk.Engine.OpenOrders, Is.EqualTo(1));
        Assert.That(f.Router.Snapshot.Sent, Is.EqualTo(1));
    }

    [Test]
    public void Reports_AcceptPartialFill_MovePositionAndReleaseNotionalInProportion()
    {
        var f = new RouterFixture();
        var d = f.Submit(Limit(Side.Buy, 100, Bid));
        long id = f.LastCommand.ClientOrderId;

        f.Report(ExecutionKind.Accepted, id);
        f.Report(ExecutionKind.PartialFill, id, 40, Bid);

        ref readonly var order = ref f.OrderOf(id);
        Assert.That((order.Status, order.FilledQuantity, order.LeavesQuantity), Is.EqualTo((OrderStatus.PartiallyFilled, 40L, 60L)));
        Assert.That(f.Risk.Positions[0].Quantity, Is.EqualTo(40));
        Assert.That(order.OpenNotionalCents, Is.EqualTo(d.NotionalCents - (d.NotionalCents * 40 / 100)));
        Assert.That(f.Risk.Engine[0].OpenBuyQuantity, Is.EqualTo(60));

        f.Report(ExecutionKind.Fill, id, 60, Bid);

        Assert.That(f.OrderOf(id).Status, Is.EqualTo(OrderStatus.Filled));
        Assert.That((f.Risk.Positions[0].Quantity, f.Risk.Engine.OpenOrders, f.Risk.Engine[0].OpenBuyQuantity), Is.EqualTo((100L, 0, 0L)));
        Assert.That(f.Risk.Engine.GrossExposureCents, Is.EqualTo((Int128)(100 * 1_000_000 / 100)), "only the position is left, marked at the mid");
    }

    [Test]
    public void Cancel_OfAnOpenOrder_IsSentOnceThenClosesTheOrder()
    {
        var f = new RouterFixture();
        f.Submit(Limit(Side.Buy, 100, Bid));
        long id = f.LastCommand.ClientOrderId;
        f.Report(ExecutionKind.Accepted, id);

        f.Submit(new OrderIntent(id, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 0, IsCancel: true));
        f.Submit(new OrderIntent(id, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 0, IsCancel: true));

        Assert.That((f.LastCommand.Kind, f.LastCommand.ClientOrderId), Is.EqualTo((OrderCommandKind.Cancel, id)));
        Assert.That(f.CommandCount, Is.EqualTo(2), "the second cancel finds the order already pending cancel");
        Assert.That(f.Router.Snapshot.CancelsNotSent, Is.EqualTo(1));

        f.Report(ExecutionKind.Canceled, id);

        Assert.That(f.OrderOf(id).Status, Is.EqualTo(OrderStatus.Canceled));
        Assert.That((f.Risk.Engine.OpenOrders, f.Risk.Engine.EngagedInstruments), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Fill_RacingACancel_FillsTheOrder()
    {
        var f = new RouterFixture();
        f.Submit(Limit(Side.Buy, 100, Bid));
        long id = f.LastCommand.ClientOrderId;
        f.Report(ExecutionKind.Accepted, id);
        f.Submit(new OrderIntent(id, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 0, IsCancel: true));

        f.Report(ExecutionKind.Fill, id, 100, Bid);
        f.Report(ExecutionKind.CancelRejected, id, reject: VenueRejectReason.NotCancelable);

        Assert.That(f.OrderOf(id).Status, Is.EqualTo(OrderStatus.Filled));
        Assert.That(f.Risk.Positions[0].Quantity, Is.EqualTo(100));
        Assert.That(f.Router.Snapshot.IllegalTransitions, Is.EqualTo(1), "the cancel reject reaches a filled order");
    }

    [Test]
    public void Replace_OfAnOpenOrder_CancelsItThenSendsTheNewOneAndCountsBothUntilTheCancelIsAnswered()
    {
        var f = new RouterFixture();
        f.Submit(Limit(Side.Buy, 100, Bid));
        long old = f.LastCommand.ClientOrderId;
        f.Report(ExecutionKind.Accepted, old);

        var d = f.Submit(Limit(Side.Buy, 200, Bid - 100) with { ReplacesClientOrderId = old });

        Assert.That(d.Approved, Is.True);
        var cancel = f.Outbound[f.Outbound.Cursor - 1];
        var replacement = f.LastCommand;
        Assert.That((cancel.Kind, cancel.ClientOrderId), Is.EqualTo((OrderCommandKind.Cancel, old)));
        Assert.That((replacement.Kind, replacement.Quantity, replacement.LimitPriceTicks), Is.EqualTo((OrderCommandKind.New, 200L, Bid - 100)));
        Assert.That((f.Risk.Engine.OpenOrders, f.Risk.Engine[0].OpenBuyQuantity), Is.EqualTo((2, 300L)), "both count until the venue answers");
        Assert.That(f.Router.Snapshot.Replaces, Is.EqualTo(1));

        f.Report(ExecutionKind.Canceled, old);

        Assert.That((f.Risk.Engine.OpenOrders, f.Risk.Engine[0].OpenBuyQuantity), Is.EqualTo((1, 200L)));
    }

    [Test]
    public void Replace_RacedByAFillOfTheOldOrder_KeepsTheFillAndTheNewOrder()
    {
        var f = new RouterFixture();
        f.Submit(Limit(Side.Buy, 100, Bid));
        long old = f.LastCommand.ClientOrderId;
        f.Report(ExecutionKind.Accepted, old);
        f.Submit(Limit(Side.Buy, 100, Bid - 100) with { ReplacesClientOrderId = old });
        long replacement = f.LastCommand.ClientOrderId;

        f.Report(ExecutionKind.Fill, old, 100, Bid);
        f.Report(ExecutionKind.CancelRejected, old, reject: VenueRejectReason.NotCancelable);

        Assert.That(f.OrderOf(old).Status, Is.EqualTo(OrderStatus.Filled));
        Assert.That(f.OrderOf(replacement).Status, Is.EqualTo(OrderStatus.PendingNew));
        Assert.That((f.Risk.Positions[0].Quantity, f.Risk.Engine.OpenOrders), Is.EqualTo((100L, 1)));
    }

    [Test]
    public void Replace_OfAnOrderNoLongerOpen_SendsNothing()
    {
        var f = new RouterFixture();
        f.Submit(Limit(Side.Buy, 100, Bid));
        long old = f.LastCommand.ClientOrderId;
        f.Report(ExecutionKind.Fill, old, 100, Bid);
        long before = f.CommandCount;

        f.Submit(Limit(Side.Buy, 100, Bid - 100) with { ReplacesClientOrderId = old });

        Assert.That(f.CommandCount, Is.EqualTo(before));
        Assert.That((f.Router.Snapshot.ReplacesNotSent, f.Risk.Engine.OpenOrders), Is.EqualTo((1L, 0)));
    }

    [Test]
    public void Replace_WithTheCancelBucketEmpty_IsRefusedAsACancelRate()
    {
        var f = new RouterFixture(o => { o.CancelBurst = 1; o.CancelsPerSecond = 1; });
        f.Submit(Limit(Side.Buy, 100, Bid));
        long old = f.LastCommand.ClientOrderId;
        f.Risk.Submit(new OrderIntent(12345, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 0, IsCancel: true)); // takes the only token
        f.Risk.Approved.Clear();

        var d = f.Submit(Limit(Side.Buy, 100, Bid - 100) with { ReplacesClientOrderId = old });

        Assert.That(d.Reason, Is.EqualTo(RiskRejectReason.CancelRate));
    }

    [Test]
    public void Fill_AfterTheOrderWasCanceled_StillReachesThePositions()
    {
        var f = new RouterFixture();
        f.Submit(Limit(Side.Buy, 100, Bid));
        long id = f.LastCommand.ClientOrderId;
        f.Report(ExecutionKind.Canceled, id);

        f.Report(ExecutionKind.Fill, id, 30, Bid);

        Assert.That(f.Risk.Positions[0].Quantity, Is.EqualTo(30));
        Assert.That(f.Router.Snapshot.IllegalTransitions, Is.EqualTo(1));
        Assert.That(f.OrderOf(id).Status, Is.EqualTo(OrderStatus.Canceled));
    }

    [Test]
    public void Fill_ForAnUnknownOrder_StillReachesThePositions()
    {
        var f = new RouterFixture();

        f.Report(ExecutionKind.Fill, 12_345, 10, Bid);

        Assert.That(f.Risk.Positions[0].Quantity, Is.EqualTo(10));
        Assert.That(f.Router.Snapshot.UnknownReports, Is.EqualTo(1));
    }

    [Test]
    public void Fill_ForAnInstrumentBeyondTheBooks_IsCountedNotAFault()
    {
        var f = new RouterFixture();

        f.Report(ExecutionKind.Fill, 12_345, 10, Bid, side: Side.Buy, instrumentId: 7);

        Assert.That((f.Router.Snapshot.Fills, f.Router.Snapshot.FillsRefusedByPositions, f.Router.Snapshot.UnknownReports), Is.EqualTo((1, 1, 1)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Fill_ThePositionsRefuse_IsCountedNotApplied(bool knownOrder)
    {
        var f = new RouterFixture();
        long id = 12_345;
        if (knownOrder)
        {
            f.Submit(Limit(Side.Buy, 100, Bid));
            id = f.LastCommand.ClientOrderId;
            f.Report(ExecutionKind.Accepted, id);
        }

        f.Report(ExecutionKind.Fill, id, 100, new PositionsOptions().MaxPriceTicks + 1);

        Assert.That(f.Risk.Positions[0].Quantity, Is.Zero);
        Assert.That((f.Router.Snapshot.Fills, f.Router.Snapshot.FillsRefusedByPositions), Is.EqualTo((1, 1)), "what the venue reported, and what the positions refused of it");
    }

    [Test]
    public void Rejected_ByTheVenue_ClosesTheOrderAndCountsTowardTheBreaker()
    {
        var f = new RouterFixture();
        f.Submit(Limit(Side.Buy, 100, Bid));
        long id = f.LastCommand.ClientOrderId;

        f.Report(ExecutionKind.Rejected, id, reject: VenueRejectReason.InsufficientBuyingPower);

        Assert.That(f.OrderOf(id).Status, Is.EqualTo(OrderStatus.Rejected));
        Assert.That(f.Risk.Engine.OpenOrders, Is.Zero);
        Assert.That((f.Router.Snapshot.VenueRejects, f.Risk.Breaker.RejectsToday), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public void OutboundRingFull_RefusesTheOrderWithoutBlockingAndCountsAnError()
    {
        var f = new RouterFixture(o => { o.SubmitBurst = 100; o.MaxOpenOrders = 100; }, outboundSlots: 2);
        f.Submit(Limit(Side.Buy, 1, Bid));
        f.Submit(Limit(Side.Buy, 1, Bid));

        f.Submit(Limit(Side.Buy, 1, Bid));

        Assert.That(f.Router.Snapshot.RefusedOutboundFull, Is.EqualTo(1));
        Assert.That(f.Router.Orders.OpenCount, Is.EqualTo(2), "the refused order is in the table, final");
        Assert.That(f.Router.Orders.All.ToArray().Count(o => o.Status == OrderStatus.Rejected), Is.EqualTo(1));
        Assert.That(f.Risk.Engine.OpenOrders, Is.EqualTo(2));
        Assert.That(f.Risk.Breaker.ErrorsToday, Is.EqualTo(1));
    }

    [Test]
    public void Kill_CancelAllAndFlatten_CancelsEveryOpenOrderAndClosesEveryPosition()
    {
        var f = new RouterFixture(o => o.Breaker.FlattenOnKill = true);
        f.Submit(Limit(Side.Buy, 100, Bid));
        long filled = f.LastCommand.ClientOrderId;
        f.Report(ExecutionKind.Fill, filled, 100, Bid);
        f.Submit(Limit(Side.Buy, 50, Bid));
        long open = f.LastCommand.ClientOrderId;
        long before = f.CommandCount;

        f.Command(ControlCommand.Kill);

        Assert.That(f.CommandCount, Is.EqualTo(before + 2));
        var cancel = f.Outbound[before];
        var flatten = f.Outbound[before + 1];
        Assert.That((cancel.Kind, cancel.ClientOrderId), Is.EqualTo((OrderCommandKind.Cancel, open)));
        Assert.That((flatten.Kind, flatten.Side, flatten.Type, flatten.Quantity), Is.EqualTo((OrderCommandKind.New, Side.Sell, OrderType.Market, 100L)));
        Assert.That(f.Router.Snapshot.FlattenOrders, Is.EqualTo(1));
    }

    [Test]
    public void Probe_AcceptedByTheVenue_ClosesTheBreaker()
    {
        var f = new RouterFixture();
        f.Risk.Breaker.RaiseCause(BreakerReason.StaleFeed, f.Clock.NowNs);
        f.Risk.Breaker.ClearCause(BreakerReason.StaleFeed);
        f.Clock.NowNs += 61_000_000_000;
        f.Command(ControlCommand.None); // end of batch: cool-down over, no cause
        Assert.That(f.Risk.Breaker.State, Is.EqualTo(BreakerState.HalfOpen));

        var d = f.Submit(Limit(Side.Buy, 10, Bid));
        f.Report(ExecutionKind.Accepted, f.LastCommand.ClientOrderId);

        Assert.That(d.IsProbe, Is.True);
        Assert.That(f.Risk.Breaker.State, Is.EqualTo(BreakerState.Closed));
    }

    [Test]
    public void OnEvent_WarmedLoopOfOrdersAndReports_AllocatesNothing()
    {
        var f = new RouterFixture(o => { o.SubmitBurst = 1_000_000; o.SubmitsPerSecond = 1_000_000; o.CancelBurst = 1_000_000; o.CancelsPerSecond = 1_000_000; o.MaxOpenOrders = 1_000; }, outboundSlots: 1024);
        RunCycles(f, 100);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunCycles(f, 2_000);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(after - before, Is.Zero);
        Assert.That((f.Router.TickToOrder.Count, f.Router.IntentToAck.Count), Is.EqualTo((2_100L, 2_100L)), "both latencies recorded on every cycle");
    }

    [Test]
    public void SendNew_AnApprovedIntent_RecordsOneTickToOrderWithinTheFiniteBuckets()
    {
        var f = new RouterFixture();

        f.Submit(Limit(Side.Buy, 100, Bid));

        Assert.That(f.Router.TickToOrder.Count, Is.EqualTo(1));
        Assert.That(f.Router.TickToOrder.CountOf(LatencyHistogram.Buckets - 1), Is.Zero, "from the event's publish stamp, not from 0");
        Assert.That(f.Router.IntentToAck.Count, Is.Zero, "no answer yet");
    }

    [Test]
    public void Reports_AcceptedThenFills_RecordIntentToAckOnceAtTheFirstAnswer()
    {
        var f = new RouterFixture();
        f.Submit(Limit(Side.Buy, 100, Bid));
        long id = f.LastCommand.ClientOrderId;

        f.Report(ExecutionKind.Accepted, id);
        f.Report(ExecutionKind.PartialFill, id, 40, Bid);
        f.Report(ExecutionKind.Fill, id, 60, Bid);

        Assert.That(f.Router.IntentToAck.Count, Is.EqualTo(1));
        Assert.That(f.Router.IntentToAck.CountOf(LatencyHistogram.Buckets - 1), Is.Zero);
        Assert.That(f.OrderOf(id).Acknowledged, Is.True);
        Assert.That((f.Router.Snapshot.OrdersFilled, f.Router.Snapshot.Fills), Is.EqualTo((1L, 2L)), "one order completely filled, by two fills");
    }

    [TestCase(ExecutionKind.Rejected)]
    [TestCase(ExecutionKind.Fill)]
    public void Reports_FirstAnswerWithoutAnAccept_RecordsIntentToAck(ExecutionKind kind)
    {
        var f = new RouterFixture();
        f.Submit(Limit(Side.Buy, 100, Bid));
        long id = f.LastCommand.ClientOrderId;

        f.Report(kind, id, kind == ExecutionKind.Fill ? 100 : 0, Bid);

        Assert.That(f.Router.IntentToAck.Count, Is.EqualTo(1));
    }

    [Test]
    public void Reports_CancelConfirmedByTheVenue_CountsOneOrderCanceled()
    {
        var f = new RouterFixture();
        f.Submit(Limit(Side.Buy, 100, Bid));
        long id = f.LastCommand.ClientOrderId;
        f.Report(ExecutionKind.Accepted, id);
        f.Submit(new OrderIntent(id, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 0, IsCancel: true));

        Assert.That(f.Router.Snapshot.OrdersCanceled, Is.Zero, "asked, not yet confirmed");
        f.Report(ExecutionKind.Canceled, id);

        Assert.That((f.Router.Snapshot.OrdersCanceled, f.Router.Snapshot.OrdersFilled), Is.EqualTo((1L, 0L)));
    }

    private static void RunCycles(RouterFixture f, int cycles)
    {
        for (int i = 0; i < cycles; i++)
        {
            // Buy then sell, so the position goes back to flat every two cycles.
            var side = i % 2 == 0 ? Side.Buy : Side.Sell;
            if (!f.Submit(Limit(side, 10, side == Side.Buy ? Bid : Ask)).Approved)
            {
                throw new InvalidOperationException("refused: the loop should approve every cycle");
            }
            long id = f.LastCommand.ClientOrderId;
            f.Venue.SetValue(f.Outbound.Cursor);
            f.Report(ExecutionKind.Accepted, id);
            f.Report(ExecutionKind.PartialFill, id, 5, Bid);
            f.Submit(new OrderIntent(id, 0, side, OrderType.Limit, TimeInForce.Day, 0, IsCancel: true));
            f.Venue.SetValue(f.Outbound.Cursor);
            f.Report(ExecutionKind.Canceled, id);
        }
    }
}
