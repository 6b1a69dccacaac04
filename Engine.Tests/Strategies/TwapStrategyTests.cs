using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Pipeline;
using Engine.Strategies;
using Engine.Tests.Book;
using Feeds;

namespace Engine.Tests.Strategies;

/// <summary>The TWAP strategy: the configured parent runs through the shared executor, its slices add up to it, a reload starts the next parent.</summary>
public sealed class TwapStrategyTests
{
    private TwapStrategy _twap = null!;
    private StrategyHarness _h = null!;

    private static StrategyOptions Options(long total = 1_000, int slices = 4, long durationMs = 4_000, Side side = Side.Buy) => new()
    {
        Name = StrategyKind.Twap,
        Twap = new TwapOptions { InstrumentId = 0, Side = side, TotalQuantity = total, Slices = slices, DurationMs = durationMs, ChildType = TwapChildType.Market },
    };

    private void Start(StrategyOptions options)
    {
        _twap = new TwapStrategy(options);
        _h = new StrategyHarness(_twap);
    }

    [Test]
    public void OnMarketData_WholeSchedule_SlicesSumToTheParentAndFillIt()
    {
        Start(Options(total: 1_000, slices: 4, durationMs: 4_000));

        RunSchedule(slices: 4, intervalMs: 1_000);

        var executor = _twap.Executor!;
        long sent = 0;
        foreach (var child in executor.Children)
        {
            sent += child.Quantity;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(executor.Children.Length, Is.EqualTo(4));
            Assert.That(sent, Is.EqualTo(1_000));
            Assert.That((executor.Status, executor.FilledQuantity), Is.EqualTo((TwapStatus.Completed, 1_000L)));
            Assert.That(_h.Position(), Is.EqualTo(1_000));
            Assert.That(executor.ParentId, Is.Not.Zero);
        }
    }

    [Test]
    public void OnMarketData_UnevenQuantity_TheLastSliceTakesTheRest()
    {
        Start(Options(total: 1_001, slices: 3, durationMs: 3_000, side: Side.Sell));

        RunSchedule(slices: 3, intervalMs: 1_000);

        var children = _twap.Executor!.Children;
        Assert.That(new[] { children[0].Quantity, children[1].Quantity, children[2].Quantity }, Is.EqualTo(new[] { 333L, 334L, 334L }));
        Assert.That(_h.Position(), Is.EqualTo(-1_001));
    }

    [Test]
    public void OnMarketData_OneSidedBook_WaitsForATwoSidedOneToStart()
    {
        Start(Options());

        _h.Market(BookEvents.Add(1, Side.Buy, 9_990, 500));
        Assert.That(_twap.Executor, Is.Null);

        _h.Market(BookEvents.Add(2, Side.Sell, 10_010, 500));
        Assert.That(_twap.Executor!.Children.Length, Is.EqualTo(1));
        Assert.That(_twap.Executor.ChildrenRefused, Is.Zero);
    }

    [Test]
    public void OnMarketData_BeforeTheNextSlice_SendsNothingMore()
    {
        Start(Options(slices: 4, durationMs: 4_000));

        _h.Quote(9_990, 10_000, 10_010, 10_000);
        _h.Advance(999);
        _h.Quote(9_990, 10_000, 10_010, 10_000);

        Assert.That(_twap.Executor!.Children.Length, Is.EqualTo(1));
    }

    [Test]
    public void OnParameters_ChangedParentAfterTheFirstEnded_StartsTheNewOne()
    {
        Start(Options(total: 400, slices: 2, durationMs: 2_000));
        RunSchedule(slices: 2, intervalMs: 1_000);
        var first = _twap.Executor!;

        _h.Parameters.Post(Options(total: 200, slices: 2, durationMs: 2_000, side: Side.Sell));
        _h.Command(ControlCommand.ApplyStrategyParameters);
        RunSchedule(slices: 2, intervalMs: 1_000);

        Assert.That(_twap.ParentsStarted, Is.EqualTo(2));
        Assert.That(_twap.Executor, Is.Not.SameAs(first));
        Assert.That(_h.Position(), Is.EqualTo(200));
    }

    [Test]
    public void OnParameters_SameParent_StartsNothing()
    {
        Start(Options(total: 400, slices: 2, durationMs: 2_000));
        RunSchedule(slices: 2, intervalMs: 1_000);

        _h.Parameters.Post(Options(total: 400, slices: 2, durationMs: 2_000));
        _h.Command(ControlCommand.ApplyStrategyParameters);
        _h.Quote(9_990, 10_000, 10_010, 10_000);

        Assert.That(_twap.ParentsStarted, Is.EqualTo(1));
    }

    [Test]
    public void OnMarketData_WarmedSchedule_AllocatesNothing()
    {
        Start(Options(total: 2_000, slices: 2_000, durationMs: 2_000_000));
        RunSlices(100);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunSlices(1_800);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(_twap.Executor!.ChildrenSent, Is.EqualTo(1_900));

        void RunSlices(int slices)
        {
            for (int slice = 0; slice < slices; slice++)
            {
                _h.Quote(9_990, 10_000, 10_010, 10_000);
                long id = _twap.Executor!.Children[^1].ClientOrderId;
                _h.Report(ExecutionKind.Accepted, id);
                _h.Report(ExecutionKind.Fill, id, 1, 10_000);
                _h.Advance(1_000);
                _h.DrainOutbound();
            }
        }
    }

    /// <summary>One market event per slice (the first starts the parent), each child accepted and filled at the touch, then the time moved to the next slice.</summary>
    private void RunSchedule(int slices, long intervalMs)
    {
        for (int slice = 0; slice < slices; slice++)
        {
            _h.Quote(9_990, 10_000, 10_010, 10_000);
            var children = _twap.Executor!.Children;
            ref readonly var child = ref children[^1];
            if (child.Status == OrderStatus.PendingNew)
            {
                _h.Report(ExecutionKind.Accepted, child.ClientOrderId);
                _h.Report(ExecutionKind.Fill, child.ClientOrderId, child.Quantity, 10_010);
            }
            _h.Advance(intervalMs);
        }
        _h.Quote(9_990, 10_000, 10_010, 10_000);
    }
}
