using Engine.Book;
using Engine.Orders;
using Engine.Risk;
using Engine.Venues.Paper;
using Feeds;
using static Engine.Tests.Venues.Paper.ReportAssert;

namespace Engine.Tests.Venues.Paper;

/// <summary>Refused orders, cancels and day expiry: every bad command is answered and counted, never thrown.</summary>
public sealed class PaperMatcherCommandTests
{
    private static PaperFixture Standard(PaperVenueOptions? options = null)
    {
        var f = new PaperFixture(options);
        f.StandardBook();
        f.Take();
        return f;
    }

    private static ExecutionReport Send(PaperFixture f, OrderCommand command)
    {
        command.OriginEventNs = f.Matcher.ClockNs;
        f.Matcher.OnCommand(in command, f.Sink);
        return f.Take().Single();
    }

    [Test]
    public void OnCommand_UnknownInstrument_IsRejectedNotFound()
    {
        var f = Standard();

        var report = Send(f, PaperFixture.NewCommand(7, Side.Buy, OrderType.Limit, TimeInForce.Day, 10, 99, instrumentId: 2));

        Assert.That((report.Kind, report.Reject, report.ClientOrderId), Is.EqualTo((ExecutionKind.Rejected, VenueRejectReason.NotFound, 7L)));
        Assert.That(f.Matcher.RejectedUnknownInstrument, Is.EqualTo(1));
        Assert.That(f.Matcher.OrdersRejected, Is.EqualTo(1));
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void OnCommand_QuantityNotPositive_IsRejectedInvalid(long quantity)
    {
        var f = Standard();

        var report = Send(f, PaperFixture.NewCommand(1, Side.Buy, OrderType.Market, TimeInForce.Day, quantity));

        Assert.That((report.Kind, report.Reject), Is.EqualTo((ExecutionKind.Rejected, VenueRejectReason.InvalidOrder)));
        Assert.That(f.Matcher.RejectedInvalidQuantity, Is.EqualTo(1));
    }

    [TestCase(Side.Buy, OrderType.Stop, TimeInForce.Ioc, 0)]
    [TestCase(Side.Buy, OrderType.Stop, TimeInForce.Day, 0)]
    [TestCase(Side.Buy, OrderType.StopLimit, TimeInForce.Gtc, 0)]
    [TestCase(Side.Sell, OrderType.TrailingStop, TimeInForce.Day, 0)]
    [TestCase(Side.Buy, OrderType.Limit, TimeInForce.Opg, 99)]
    [TestCase(Side.Buy, OrderType.Market, TimeInForce.Cls, 0)]
    [TestCase(Side.Buy, OrderType.Limit, TimeInForce.Day, 0)]
    [TestCase(Side.None, OrderType.Market, TimeInForce.Day, 0)]
    [TestCase(Side.Buy, OrderType.None, TimeInForce.Day, 0)]
    [TestCase(Side.Buy, OrderType.Market, TimeInForce.None, 0)]
    public void OnCommand_UnsupportedOrder_IsRejectedInvalid(Side side, OrderType type, TimeInForce tif, long limit)
    {
        var f = Standard();

        var command = PaperFixture.NewCommand(1, side, type, tif, 10, limit);
        command.StopPriceTicks = type == OrderType.Stop && tif == TimeInForce.Ioc ? 101 : 0;
        command.TrailTicks = type == OrderType.TrailingStop ? 5 : 0;

        var report = Send(f, command);

        Assert.That((report.Kind, report.Reject), Is.EqualTo((ExecutionKind.Rejected, VenueRejectReason.InvalidOrder)));
        Assert.That(f.Matcher.RejectedUnsupported, Is.EqualTo(1));
    }

    [Test]
    public void OnCommand_DuplicateClientOrderId_IsRejectedAndTheFirstOrderStands()
    {
        var f = Standard();
        Send(f, PaperFixture.NewCommand(5, Side.Buy, OrderType.Limit, TimeInForce.Day, 10, 98));

        var report = Send(f, PaperFixture.NewCommand(5, Side.Buy, OrderType.Limit, TimeInForce.Day, 20, 97));

        Assert.That((report.Kind, report.Reject), Is.EqualTo((ExecutionKind.Rejected, VenueRejectReason.InvalidOrder)));
        Assert.That(f.Matcher.RejectedDuplicateId, Is.EqualTo(1));
        Assert.That(f.Matcher.TryGetRestingOrder(5, out _, out long leaves) && leaves == 10, Is.True);
    }

    [Test]
    public void OnCommand_PoolFull_RestingOrderIsRejectedButIocStillTrades()
    {
        var f = Standard(new PaperVenueOptions { MaxRestingOrders = 1 });
        f.Limit(Side.Buy, 10, 98);
        f.Take();

        f.Limit(Side.Buy, 10, 97);
        var refused = f.Take().Single();
        f.Limit(Side.Buy, 10, 101, TimeInForce.Ioc);

        Assert.That((refused.Kind, refused.Reject), Is.EqualTo((ExecutionKind.Rejected, VenueRejectReason.Other)));
        Assert.That(f.Matcher.RejectedPoolFull, Is.EqualTo(1));
        Assert.That(Kinds(f.Take()), Is.EqualTo(new[] { ExecutionKind.Accepted, ExecutionKind.Fill }));
    }

    [Test]
    public void OnCommand_CancelOfARestingOrder_IsCanceledWithItsFilledQuantity()
    {
        var f = Standard();
        long id = f.Limit(Side.Buy, 500, 101);
        f.Take();

        f.Cancel(id);

        var report = f.Take().Single();
        Assert.That((report.Kind, report.ClientOrderId, report.CumulativeQuantity, report.LeavesQuantity), Is.EqualTo((ExecutionKind.Canceled, id, 300L, 0L)));
        Assert.That(f.Matcher.RestingOrderCount, Is.Zero);
    }

    [Test]
    public void OnCommand_CancelOfAnUnknownOrder_IsRefusedNotFound()
    {
        var f = Standard();

        f.Cancel(42);

        var report = f.Take().Single();
        Assert.That((report.Kind, report.Reject, report.ClientOrderId), Is.EqualTo((ExecutionKind.CancelRejected, VenueRejectReason.NotFound, 42L)));
        Assert.That(f.Matcher.CancelsNotFound, Is.EqualTo(1));
    }

    [Test]
    public void OnCommand_CancelOfAFinalOrder_IsRefusedNotCancelable()
    {
        var f = Standard();
        long filled = f.MarketOrder(Side.Buy, 10);
        long cancelled = f.Limit(Side.Buy, 10, 90);
        f.Cancel(cancelled);
        f.Take();

        f.Cancel(filled);
        f.Cancel(cancelled);

        Assert.That(f.Take().Select(r => (r.Kind, r.Reject)), Is.EqualTo(new[]
        {
            (ExecutionKind.CancelRejected, VenueRejectReason.NotCancelable),
            (ExecutionKind.CancelRejected, VenueRejectReason.NotCancelable),
        }));
        Assert.That(f.Matcher.CancelsNotCancelable, Is.EqualTo(2));
    }

    [Test]
    public void OnCommand_FinalOrdersBeyondTheMemory_AreForgottenOldestFirst()
    {
        var f = Standard(new PaperVenueOptions { RememberedFinalOrders = 2 });
        long first = f.MarketOrder(Side.Buy, 1);
        long second = f.MarketOrder(Side.Buy, 1);
        long third = f.MarketOrder(Side.Buy, 1);
        f.Take();

        f.Cancel(first);
        f.Cancel(second);
        f.Cancel(third);

        Assert.That(f.Take().Select(r => r.Reject), Is.EqualTo(new[] { VenueRejectReason.NotFound, VenueRejectReason.NotCancelable, VenueRejectReason.NotCancelable }));
    }

    [Test]
    public void OnCommand_KindNone_IsCountedAndIgnored()
    {
        var f = Standard();

        f.Matcher.OnCommand(new OrderCommand { OriginEventNs = f.Matcher.ClockNs }, f.Sink);

        Assert.That(f.Take(), Is.Empty);
        Assert.That(f.Matcher.InvalidCommands, Is.EqualTo(1));
    }

    [Test]
    public void ExpireDayOrders_AtTheSessionEnd_ExpiresDayOrdersAndKeepsGtc()
    {
        var f = Standard();
        long day = f.Limit(Side.Buy, 500, 101);
        long gtc = f.Limit(Side.Sell, 50, 105, TimeInForce.Gtc);
        long day2 = f.Limit(Side.Sell, 70, 104);
        f.Take();

        f.Matcher.ExpireDayOrders(PaperFixture.T0 + 1_000_000_000, f.Sink);

        var reports = f.Take();
        Assert.That(reports.Select(r => (r.Kind, r.ClientOrderId, r.CumulativeQuantity)), Is.EqualTo(new[]
        {
            (ExecutionKind.Expired, day, 300L),
            (ExecutionKind.Expired, day2, 0L),
        }));
        Assert.That(reports.All(r => r.VenueTsNs == PaperFixture.T0 + 1_000_000_000 && r.LeavesQuantity == 0), Is.True);
        Assert.That(f.Matcher.TryGetRestingOrder(gtc, out _, out _), Is.True);
        Assert.That(f.Matcher.RestingOrderCount, Is.EqualTo(1));
        Assert.That(f.Matcher.OrdersExpired, Is.EqualTo(2));
    }

    [Test]
    public void Constructor_InvalidOptions_ThrowsWithEveryKeyPath()
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new PaperMatcher(new PaperVenueOptions { MaxRestingOrders = 0, EntryLatencyUs = -1 }, new OrderBooks(new BookOptions())));

        Assert.That(e!.Message, Does.Contain("venues.paper.maxRestingOrders: 0").And.Contain("venues.paper.entryLatencyUs: -1"));
    }
}
