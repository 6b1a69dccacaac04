using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Pipeline;
using Engine.Risk;
using Feeds;
using static Engine.Tests.Book.BookEvents;
using static Engine.Tests.Orders.Twap.TwapFixture;

namespace Engine.Tests.Orders.Twap;

public sealed class TwapExecutorTests
{
    [Test]
    public void OnTick_TenSlices_SendsEachChildAtItsTimeWithItsShare()
    {
        var f = new TwapFixture();
        f.Start();

        for (int slice = 0; slice < 10; slice++)
        {
            if (slice > 0)
            {
                f.At((slice * 1_000) - 1);
                Assert.That(f.Drain(), Is.Empty, $"nothing before slice {slice} is due");
                f.At(slice * 1_000);
            }
            var child = f.SingleNew();
            Assert.That((child.Side, child.Type, child.TimeInForce, child.Quantity), Is.EqualTo((Side.Buy, OrderType.Market, TimeInForce.Day, 100L)), $"slice {slice}");
            Assert.That(f.Router.Orders[f.Router.Orders.Find(child.ClientOrderId)].ParentId, Is.EqualTo(ParentId));
            f.Report(ExecutionKind.Fill, child.ClientOrderId, 100, Ask + (slice * 100));
        }
        f.Tick();

        Assert.That((f.Twap.Status, f.Twap.EndReason, f.Twap.FilledQuantity, f.Twap.SlicesDone, f.Twap.ChildrenSent), Is.EqualTo((TwapStatus.Completed, TwapEndReason.Filled, 1_000L, 10, 10)));
        Assert.That(f.Twap.AverageFillPriceTicks, Is.EqualTo(Ask + 450));
        Assert.That(f.Twap.IsActive, Is.False);
    }

    [Test]
    public void OnTick_StartDelay_FirstSliceWaitsForIt()
    {
        var f = new TwapFixture(o => o.StartDelayMs = 500);
        f.Start();
        Assert.That((f.Twap.Status, f.Drain().Count), Is.EqualTo((TwapStatus.Pending, 0)));

        f.At(500);

        Assert.That((f.Twap.Status, f.SingleNew().Quantity), Is.EqualTo((TwapStatus.Working, 100L)));
        Assert.That(f.Twap.SliceDueNs(1), Is.EqualTo(f.Clock.NowNs + 1_000_000_000));
    }

    [Test]
    public void OnTick_PartialFillThenExpired_RemainderSpreadsOverLaterSlices()
    {
        var f = new TwapFixture(o => { o.TotalQuantity = 1_000; o.Slices = 4; o.DurationMs = 4_000; o.ChildTimeInForce = TimeInForce.Ioc; });
        f.Start();
        var first = f.SingleNew();
        Assert.That(first.Quantity, Is.EqualTo(250));
        f.Report(ExecutionKind.PartialFill, first.ClientOrderId, 100);
        f.Report(ExecutionKind.Expired, first.ClientOrderId);

        f.At(1_000);
        var second = f.SingleNew();
        Assert.That(second.Quantity, Is.EqualTo(300), "900 left over 3 slices");
        f.Report(ExecutionKind.Fill, second.ClientOrderId, 300);
        f.At(2_000);
        var third = f.SingleNew();
        f.Report(ExecutionKind.Fill, third.ClientOrderId, 300);
        f.At(3_000);
        var last = f.SingleNew();
        f.Report(ExecutionKind.Fill, last.ClientOrderId, 300);
        f.Tick();

        Assert.That((third.Quantity, last.Quantity), Is.EqualTo((300L, 300L)));
        Assert.That((f.Twap.Status, f.Twap.FilledQuantity), Is.EqualTo((TwapStatus.Completed, 1_000L)));
        var children = f.Twap.Children;
        Assert.That((children[0].Status, children[0].FilledQuantity, children[0].Quantity), Is.EqualTo((OrderStatus.Expired, 100L, 250L)));
    }

    [Test]
    public void OnTick_ChildStillWorkingAtTheNextSlice_IsCancelledAndItsRemainderRollsOver()
    {
        var f = new TwapFixture(o => { o.TotalQuantity = 300; o.Slices = 3; o.DurationMs = 3_000; o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Near; });
        f.Start();
        var first = f.SingleNew();
        Assert.That((first.Type, first.LimitPriceTicks), Is.EqualTo((OrderType.Limit, Bid)));
        f.Report(ExecutionKind.Accepted, first.ClientOrderId);
        f.Report(ExecutionKind.PartialFill, first.ClientOrderId, 40, Bid);

        f.At(1_000);

        var commands = f.Drain();
        Assert.That(commands.Select(c => (c.Kind, c.ClientOrderId, c.Quantity)), Is.EqualTo(new[]
        {
            (OrderCommandKind.Cancel, first.ClientOrderId, 0L),
            (OrderCommandKind.New, commands[1].ClientOrderId, 100L), // 300 - 40 filled - 60 still working, over 2 slices
        }));
        f.Report(ExecutionKind.Canceled, first.ClientOrderId);
        f.Report(ExecutionKind.Fill, commands[1].ClientOrderId, 100, Bid);

        f.At(2_000);
        var last = f.SingleNew();
        Assert.That(last.Quantity, Is.EqualTo(160), "the last slice takes the 60 the cancel returned");
        f.Report(ExecutionKind.Fill, last.ClientOrderId, 160, Bid);
        f.Tick();

        Assert.That((f.Twap.Status, f.Twap.FilledQuantity, f.Twap.CancelRequests), Is.EqualTo((TwapStatus.Completed, 300L, 1)));
    }

    [Test]
    public void OnTick_RiskRefusesAChild_ItsShareGoesToTheRemainingSlices()
    {
        var f = new TwapFixture(o => { o.TotalQuantity = 400; o.Slices = 4; o.DurationMs = 4_000; });
        f.Start();
        f.Report(ExecutionKind.Fill, f.SingleNew().ClientOrderId, 100);
        f.Command(ControlCommand.ReduceOnly);

        f.At(1_000);

        Assert.That(f.Drain(), Is.Empty);
        var refused = f.Twap.Children[1];
        Assert.That((refused.Quantity, refused.Status, refused.RefusedBy), Is.EqualTo((100L, OrderStatus.Rejected, RiskRejectReason.ReducingOnly)));
        Assert.That((f.Twap.Status, f.Twap.ChildrenRefused), Is.EqualTo((TwapStatus.Working, 1)), "a restricted trading state refuses children, it does not stop the parent");

        f.Command(ControlCommand.Resume);
        f.At(2_000);
        var third = f.SingleNew();
        f.Report(ExecutionKind.Fill, third.ClientOrderId, third.Quantity);
        f.At(3_000);
        var last = f.SingleNew();
        f.Report(ExecutionKind.Fill, last.ClientOrderId, last.Quantity);
        f.Tick();

        Assert.That((third.Quantity, last.Quantity), Is.EqualTo((150L, 150L)));
        Assert.That((f.Twap.Status, f.Twap.FilledQuantity), Is.EqualTo((TwapStatus.Completed, 400L)));
    }

    [Test]
    public void OnTick_QuantityNotDivisible_LastSliceCompletesTheParentExactly()
    {
        var f = new TwapFixture(o => { o.TotalQuantity = 1_001; o.Slices = 4; o.DurationMs = 4_000; });
        var sizes = new List<long>();
        f.Start();
        for (int slice = 0; slice < 4; slice++)
        {
            f.At(slice * 1_000);
            var child = f.SingleNew();
            sizes.Add(child.Quantity);
            f.Report(ExecutionKind.Fill, child.ClientOrderId, child.Quantity);
        }
        f.Tick();

        Assert.That(sizes, Is.EqualTo(new long[] { 250, 250, 250, 251 }));
        Assert.That((f.Twap.Status, f.Twap.FilledQuantity, f.Twap.RemainingQuantity), Is.EqualTo((TwapStatus.Completed, 1_001L, 0L)));
    }

    [Test]
    public void OnTick_LotSize_SlicesAreWholeLotsAndTheLastTakesTheRest()
    {
        var f = new TwapFixture(o => { o.TotalQuantity = 1_000; o.Slices = 3; o.DurationMs = 3_000; }, r => r.Defaults.LotSize = 10);
        var sizes = new List<long>();
        f.Start();
        for (int slice = 0; slice < 3; slice++)
        {
            f.At(slice * 1_000);
            var child = f.SingleNew();
            sizes.Add(child.Quantity);
            f.Report(ExecutionKind.Fill, child.ClientOrderId, child.Quantity);
        }
        f.Tick();

        Assert.That(sizes, Is.EqualTo(new long[] { 330, 330, 340 }));
        Assert.That(f.Twap.Status, Is.EqualTo(TwapStatus.Completed));
    }

    [Test]
    public void OnTick_LateTick_FoldsTheMissedSlicesIntoOneChild()
    {
        var f = new TwapFixture();
        f.Start();
        f.Report(ExecutionKind.Fill, f.SingleNew().ClientOrderId, 100);

        f.At(3_500);

        var child = f.SingleNew();
        Assert.That(child.Quantity, Is.EqualTo(300), "slices 1 to 3: 900 over 9 slices, times 3");
        Assert.That((f.Twap.SlicesDone, f.Twap.Children[1].Slice), Is.EqualTo((4, 3)));
    }

    [Test]
    public void OnTick_LastChildIocExpiresWithARemainder_ParentExpires()
    {
        var f = new TwapFixture(o => { o.TotalQuantity = 200; o.Slices = 2; o.DurationMs = 2_000; o.ChildTimeInForce = TimeInForce.Ioc; });
        f.Start();
        f.Report(ExecutionKind.Fill, f.SingleNew().ClientOrderId, 100);
        f.At(1_000);
        var last = f.SingleNew();

        f.Report(ExecutionKind.PartialFill, last.ClientOrderId, 30);
        f.Report(ExecutionKind.Expired, last.ClientOrderId);
        f.Tick();

        Assert.That((f.Twap.Status, f.Twap.EndReason, f.Twap.FilledQuantity, f.Twap.RemainingQuantity), Is.EqualTo((TwapStatus.Expired, TwapEndReason.ScheduleEnded, 130L, 70L)));
        Assert.That(f.Drain(), Is.Empty);
    }

    [Test]
    public void OnTick_LastChildStillWorkingAtTheEnd_IsCancelledThenTheParentExpires()
    {
        var f = new TwapFixture(o => { o.TotalQuantity = 200; o.Slices = 2; o.DurationMs = 2_000; o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Near; });
        f.Start();
        f.Report(ExecutionKind.Fill, f.SingleNew().ClientOrderId, 100, Bid);
        f.At(1_000);
        var last = f.SingleNew();
        f.Report(ExecutionKind.Accepted, last.ClientOrderId);

        f.At(2_000);

        Assert.That(f.Drain().Select(c => (c.Kind, c.ClientOrderId)), Is.EqualTo(new[] { (OrderCommandKind.Cancel, last.ClientOrderId) }));
        Assert.That(f.Twap.Status, Is.EqualTo(TwapStatus.Working));
        f.Report(ExecutionKind.Canceled, last.ClientOrderId);
        f.Tick();
        Assert.That((f.Twap.Status, f.Twap.RemainingQuantity), Is.EqualTo((TwapStatus.Expired, 100L)));
    }

    [Test]
    public void OnTick_BreakerOpens_CancelsWorkingChildrenAndEndsWithTheRemainder()
    {
        var f = new TwapFixture(o => { o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Near; });
        f.Start();
        var child = f.SingleNew();
        f.Report(ExecutionKind.Accepted, child.ClientOrderId);
        f.Report(ExecutionKind.PartialFill, child.ClientOrderId, 30, Bid);

        f.Market(new MarketDataEvent { Kind = MarketDataKind.FeedStatus, Status = (byte)FeedStatus.Stale, InstrumentId = -1 });

        Assert.That(f.Risk.Breaker.TradingState, Is.EqualTo(TradingState.Halted));
        Assert.That(f.Drain().Select(c => (c.Kind, c.ClientOrderId)), Is.EqualTo(new[] { (OrderCommandKind.Cancel, child.ClientOrderId) }));
        Assert.That((f.Twap.Status, f.Twap.EndReason), Is.EqualTo((TwapStatus.Cancelled, TwapEndReason.Halted)));
        Assert.That(f.Twap.IsActive, Is.True, "its child is still being cancelled");

        f.Report(ExecutionKind.PartialFill, child.ClientOrderId, 10, Bid);
        f.Report(ExecutionKind.Canceled, child.ClientOrderId);
        f.At(5_000);

        Assert.That(f.Drain(), Is.Empty, "no slice after the end");
        Assert.That((f.Twap.FilledQuantity, f.Twap.RemainingQuantity, f.Twap.OpenChildren, f.Twap.IsActive), Is.EqualTo((40L, 960L, 0, false)));
    }

    [Test]
    public void OnTick_Kill_EachWorkingChildIsCancelledOnceAndTheParentEnds()
    {
        var f = new TwapFixture(o => { o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Near; });
        f.Start();
        var child = f.SingleNew();
        f.Report(ExecutionKind.Accepted, child.ClientOrderId);

        f.Command(ControlCommand.Kill);

        Assert.That(f.Drain().Select(c => (c.Kind, c.ClientOrderId)), Is.EqualTo(new[] { (OrderCommandKind.Cancel, child.ClientOrderId) }), "the router's cancel-all and the parent's cancel are one command");
        Assert.That((f.Twap.Status, f.Twap.EndReason), Is.EqualTo((TwapStatus.Cancelled, TwapEndReason.Killed)));
        f.Report(ExecutionKind.Canceled, child.ClientOrderId);
        f.Command(ControlCommand.Resume);
        f.At(1_000);
        Assert.That((f.Drain().Count, f.Twap.IsActive), Is.EqualTo((0, false)), "a resume does not restart a cancelled parent");
    }

    [Test]
    public void OnTick_HaltedBeforeTheFirstSlice_CancelsWithTheWholeQuantity()
    {
        var f = new TwapFixture(o => o.StartDelayMs = 1_000);
        f.Start();

        f.Command(ControlCommand.Kill);
        f.At(1_000);

        Assert.That((f.Twap.Status, f.Twap.RemainingQuantity, f.Twap.Children.Length), Is.EqualTo((TwapStatus.Cancelled, 1_000L, 0)));
        Assert.That(f.Drain(), Is.Empty);
    }

    [Test]
    public void Cancel_WhileWorking_CancelsTheChildrenAndSendsNoMoreSlices()
    {
        var f = new TwapFixture(o => { o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Near; });
        f.Start();
        var child = f.SingleNew();
        f.Report(ExecutionKind.Accepted, child.ClientOrderId);

        Assert.That(f.Twap.Cancel(f.Clock.NowNs), Is.True);
        f.Tick();

        Assert.That(f.Drain().Select(c => (c.Kind, c.ClientOrderId)), Is.EqualTo(new[] { (OrderCommandKind.Cancel, child.ClientOrderId) }));
        Assert.That((f.Twap.Status, f.Twap.EndReason), Is.EqualTo((TwapStatus.Cancelled, TwapEndReason.CancelRequested)));
        Assert.That(f.Twap.Cancel(f.Clock.NowNs), Is.False);
        Assert.That(f.Twap.Start(ParentId + 1, f.Clock.NowNs), Is.False, "its child is still working");
        f.Report(ExecutionKind.Canceled, child.ClientOrderId);
        f.At(3_000);
        Assert.That(f.Drain(), Is.Empty);
        Assert.That(f.Twap.Start(ParentId + 1, f.Clock.NowNs), Is.True);
    }

    [Test]
    public void Cancel_RefusedByTheCancelRate_IsTriedAgainAfterTheRetryInterval()
    {
        var f = new TwapFixture(
            o => { o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Near; o.CancelRetryMs = 100; },
            r => { r.CancelBurst = 1; r.CancelsPerSecond = 1; });
        f.Start();
        var child = f.SingleNew();
        f.Report(ExecutionKind.Accepted, child.ClientOrderId);
        f.Risk.Submit(new OrderIntent(child.ClientOrderId, 0, Side.Buy, OrderType.None, TimeInForce.None, 0, IsCancel: true)); // spends the only cancel token
        f.Tick();
        f.Report(ExecutionKind.CancelRejected, child.ClientOrderId);
        f.Drain();

        f.Twap.Cancel(f.Clock.NowNs);
        f.Tick();
        Assert.That((f.Twap.CancelsRefused, f.Drain().Count), Is.EqualTo((1, 0)));

        f.At(50);
        Assert.That(f.Twap.CancelRequests, Is.EqualTo(1), "not before the retry interval");
        f.At(1_100);

        Assert.That(f.Drain().Select(c => (c.Kind, c.ClientOrderId)), Is.EqualTo(new[] { (OrderCommandKind.Cancel, child.ClientOrderId) }));
        Assert.That(f.Twap.CancelRequests, Is.EqualTo(2));
    }

    [Test]
    public void OnTick_LimitChildren_PricedOffTheFarTouchWithinTheCapOnThePriceGrid()
    {
        var f = new TwapFixture(o => { o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Far; o.LimitOffsetTicks = 250; o.LimitCapTicks = 1_000_400; });
        f.Start();
        var first = f.SingleNew();
        Assert.That(first.LimitPriceTicks, Is.EqualTo(1_000_300), "100.01 + 0.025, down to the cent");
        f.Report(ExecutionKind.Fill, first.ClientOrderId, 100, first.LimitPriceTicks);

        f.Market(LevelSet(Side.Sell, 1_000_300, 5_000));
        f.Market(LevelSet(Side.Sell, Ask, 0));
        f.At(1_000);

        Assert.That(f.SingleNew().LimitPriceTicks, Is.EqualTo(1_000_400), "capped");
    }

    [Test]
    public void OnTick_SellLimitAtTheNearTouchBehindIt_RoundsUpToTheGrid()
    {
        var f = new TwapFixture(o => { o.Side = Side.Sell; o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Near; o.LimitOffsetTicks = -150; });
        f.Start();

        Assert.That(f.SingleNew().LimitPriceTicks, Is.EqualTo(1_000_300), "100.01 + 0.015 rounds away from the bid: 100.03");
    }

    [Test]
    public void OnTick_LimitChildWithoutATouch_IsRefusedAndRollsOver()
    {
        var f = new TwapFixture(o => { o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Far; });
        f.Market(LevelSet(Side.Sell, Ask, 0));
        f.Start();

        Assert.That(f.Drain(), Is.Empty);
        Assert.That((f.Twap.Children[0].RefusedBy, f.Twap.ChildrenRefused), Is.EqualTo((RiskRejectReason.NoLiquidity, 1)));
        f.Market(LevelSet(Side.Sell, Ask, 5_000));
        f.At(1_000);
        Assert.That(f.SingleNew().Quantity, Is.EqualTo(111), "1000 over 9 slices");
    }

    [Test]
    public void OnTick_RouterTableFull_ChildIsRefusedAndItsQuantityReturns()
    {
        var f = new TwapFixture(o => { o.TotalQuantity = 200; o.Slices = 2; o.DurationMs = 2_000; o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Near; });
        for (int i = 0; i < f.Router.Orders.Capacity; i++)
        {
            f.Router.Orders.Add(1_000 + i);
        }
        f.Start();
        f.Tick();

        Assert.That((f.Twap.Children[0].Status, f.Twap.OpenChildren, f.Twap.WorkingQuantity), Is.EqualTo((OrderStatus.Rejected, 0, 0L)));
        Assert.That(f.Router.Snapshot.RefusedTableFull, Is.EqualTo(1));
    }

    [Test]
    public void OnTick_ChildsSlotReusedBeforeItsEndWasSeen_ItsQuantityIsNeverSentAgain()
    {
        var f = new TwapFixture(o => { o.TotalQuantity = 200; o.Slices = 2; o.DurationMs = 2_000; o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Near; }, orderTableCapacity: 2);
        f.Start();
        var child = f.SingleNew();
        f.Risk.Submit(Unrelated());
        f.Tick();
        f.Drain();

        // In one event: the child fills (its slot is freed) and another order takes that slot.
        f.Risk.Submit(Unrelated());
        f.Report(ExecutionKind.Fill, child.ClientOrderId, 100, Bid);
        f.At(1_000);

        Assert.That((f.Twap.Children[0].Lost, f.Twap.Children[0].LeavesQuantity), Is.EqualTo((true, 0L)));
        Assert.That(f.Twap.Children[1].Quantity, Is.EqualTo(100), "the lost child's 100 may have filled: only the other 100 is sent");

        static OrderIntent Unrelated() => new(0, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 1, LimitPriceTicks: Bid);
    }

    [Test]
    public void OnExecution_FillAfterTheChildWasCancelled_CountsForTheParent()
    {
        var f = new TwapFixture(o => { o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Near; });
        f.Start();
        var child = f.SingleNew();
        f.Report(ExecutionKind.Accepted, child.ClientOrderId);
        f.Twap.Cancel(f.Clock.NowNs);
        f.Tick();
        f.Report(ExecutionKind.Canceled, child.ClientOrderId);
        f.Tick();

        f.Report(ExecutionKind.Fill, child.ClientOrderId, 20, Bid);

        Assert.That((f.Twap.FilledQuantity, f.Twap.LateFills, f.Twap.Children[0].FilledQuantity), Is.EqualTo((20L, 1, 20L)));
        Assert.That(f.Twap.AverageFillPriceTicks, Is.EqualTo(Bid));
        Assert.That((f.Router.Snapshot.IllegalTransitions, f.Risk.Positions[0].Quantity), Is.EqualTo((1L, 20L)), "the router moves the position but not the ended order");
        var report = new TwapReport(f.Options.Slices);
        Assert.That(f.Stage.Snapshot!.TryRead(report), Is.True);
        Assert.That((report.FilledQuantity, report.Children[0].FilledQuantity), Is.EqualTo((20L, 20L)), "the snapshot copies the ended child again");
    }

    [Test]
    public void Start_WhileActive_IsRefusedAndAZeroParentIdThrows()
    {
        var f = new TwapFixture();
        f.Start();

        Assert.That(f.Twap.Start(ParentId + 1, f.Clock.NowNs), Is.False);
        Assert.Throws<ArgumentException>(() => f.Twap.Start(0, f.Clock.NowNs));
        Assert.That(f.Twap.ParentId, Is.EqualTo(ParentId));
    }

    [Test]
    public void OnTick_WarmedRunOfParents_AllocatesNothing()
    {
        var f = new TwapFixture(
            o => { o.TotalQuantity = 100; o.Slices = 4; o.DurationMs = 4_000; o.ChildType = TwapChildType.Limit; o.LimitReference = TwapLimitReference.Near; },
            r => { r.MaxGrossNotionalCents = 1_000_000_000_000; r.Defaults.MaxPositionQuantity = 1_000_000_000; });
        RunParents(f, 0, 20);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunParents(f, 20, 200);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(after - before, Is.Zero);
        Assert.That(f.Twap.ParentId, Is.EqualTo(ParentId + 219), "every parent ran");
    }

    /// <summary>Runs parents to their end: each child is accepted and half filled, its cancel at the next slice confirmed.</summary>
    private static void RunParents(TwapFixture f, int first, int count)
    {
        for (int parent = first; parent < first + count; parent++)
        {
            if (!f.Twap.Start(ParentId + parent, f.Clock.NowNs))
            {
                throw new InvalidOperationException("the previous parent is still active");
            }
            for (int round = 0; round < 20 && f.Twap.IsActive; round++)
            {
                f.Tick();
                f.Venue.SetValue(f.Outbound.Cursor);
                foreach (ref readonly var child in f.Twap.Children)
                {
                    ref readonly var order = ref f.Router.Orders[f.Router.Orders.Find(child.ClientOrderId)];
                    if (order.Status == OrderStatus.PendingNew)
                    {
                        f.Report(ExecutionKind.Accepted, child.ClientOrderId);
                        f.Report(ExecutionKind.PartialFill, child.ClientOrderId, (child.Quantity / 2) + 1, Bid);
                    }
                    else if (order.Status == OrderStatus.PendingCancel)
                    {
                        f.Report(ExecutionKind.Canceled, child.ClientOrderId);
                    }
                }
                f.Clock.NowNs += 1_000_000_000;
            }
        }
    }
}
