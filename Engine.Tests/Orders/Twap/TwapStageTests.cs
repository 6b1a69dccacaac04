using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Tests.Support;
using static Engine.Tests.Orders.Twap.TwapFixture;

namespace Engine.Tests.Orders.Twap;

public sealed class TwapStageTests
{
    [Test]
    public void Snapshot_AtEndOfBatch_CopiesTheParentAndItsChildren()
    {
        var f = new TwapFixture(o => { o.TotalQuantity = 300; o.Slices = 3; o.DurationMs = 3_000; });
        f.Start();
        var first = f.SingleNew();
        f.Report(ExecutionKind.Fill, first.ClientOrderId, 100, Ask);
        f.At(1_000);
        var second = f.SingleNew();
        f.Report(ExecutionKind.PartialFill, second.ClientOrderId, 40, Ask + 100);
        f.Tick();
        var report = new TwapReport(3);

        Assert.That(f.Stage.Snapshot!.TryRead(report), Is.True);

        Assert.That((report.ParentId, report.Status, report.Quantity, report.FilledQuantity, report.WorkingQuantity, report.SlicesDone, report.ChildrenSent),
            Is.EqualTo((ParentId, TwapStatus.Working, 300L, 140L, 60L, 2, 2)));
        Assert.That(report.AverageFillPriceTicks, Is.EqualTo(((100 * Ask) + (40 * (Ask + 100))) / 140));
        Assert.That(report.Children.ToArray().Select(c => (c.ClientOrderId, c.Quantity, c.FilledQuantity, c.Status)), Is.EqualTo(new[]
        {
            (first.ClientOrderId, 100L, 100L, OrderStatus.Filled),
            (second.ClientOrderId, 100L, 40L, OrderStatus.PartiallyFilled),
        }));
        var lines = report.Format(4).Split(Environment.NewLine);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "twap 7 Working Buy 140/300 avg 100.0128 working 60 slices 2/3 sent 2 refused 0",
            $"  {ClientOrderIds.Format(first.ClientOrderId)} slice 0 100/100 Filled",
            $"  {ClientOrderIds.Format(second.ClientOrderId)} slice 1 40/100 PartiallyFilled",
        }));
    }

    [Test]
    public void Snapshot_ReadByAnotherThreadWhileTheLoopRuns_EveryCopyIsConsistent()
    {
        var f = new TwapFixture(o => { o.TotalQuantity = 10_000; o.Slices = 1_000; o.DurationMs = 1_000; });
        using var stop = new ManualResetEventSlim();
        var report = new TwapReport(1_000);
        var reader = WorkerThread.Start("twap-reader", () =>
        {
            while (!stop.IsSet)
            {
                if (f.Stage.Snapshot!.TryRead(report))
                {
                    CheckConsistent(report);
                }
            }
        });

        f.Start();
        for (int ms = 1; ms <= 1_000; ms++)
        {
            var child = f.SingleNew();
            f.Report(ExecutionKind.Fill, child.ClientOrderId, child.Quantity);
            f.At(ms);
        }
        stop.Set();
        reader.Join(TestTimeouts.Join);

        Assert.That(f.Stage.Snapshot!.TryRead(report), Is.True, "nothing is publishing any more");
        CheckConsistent(report);
        Assert.That((report.Status, report.FilledQuantity, report.Children.Length), Is.EqualTo((TwapStatus.Completed, 10_000L, 1_000)));
    }

    private static void CheckConsistent(TwapReport report)
    {
        long childFilled = 0;
        foreach (ref readonly var child in report.Children)
        {
            childFilled += child.FilledQuantity;
        }
        Assert.That(childFilled, Is.EqualTo(report.FilledQuantity), "the parent's filled is its children's");
        Assert.That(report.Children.Length, Is.EqualTo(report.ChildrenSent + report.ChildrenRefused));
    }
}
