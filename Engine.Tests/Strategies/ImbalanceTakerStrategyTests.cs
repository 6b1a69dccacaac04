using Engine.Orders;
using Engine.Pipeline;
using Engine.Risk;
using Engine.Strategies;
using Engine.Tests.Book;
using Feeds;

namespace Engine.Tests.Strategies;

/// <summary>The imbalance taker on hand-built books: threshold, side, price, cooldown, in-flight order, max position.</summary>
public sealed class ImbalanceTakerStrategyTests
{
    private ImbalanceTakerStrategy _taker = null!;
    private StrategyHarness _h = null!;

    private static StrategyOptions Options(long threshold = 4_000, long quantity = 100, long through = 0, int cooldownMs = 1_000, long maxPosition = 1_000, int levels = 1) => new()
    {
        Name = StrategyKind.ImbalanceTaker,
        ImbalanceTaker = new ImbalanceTakerOptions
        {
            Levels = levels,
            ThresholdBps = threshold,
            Quantity = quantity,
            ThroughTicks = through,
            CooldownMs = cooldownMs,
            MaxPosition = maxPosition,
        },
    };

    private void Start(StrategyOptions options, RiskOptions? risk = null)
    {
        _taker = new ImbalanceTakerStrategy(options, 2);
        _h = new StrategyHarness(_taker, risk);
    }

    [Test]
    public void OnMarketData_ImbalanceBelowTheThreshold_SendsNothingAndAtItBuys()
    {
        Start(Options(threshold: 4_000));

        _h.Quote(9_990, 690, 10_010, 310); // (690 - 310) / 1,000 = +3,800 bps
        Assert.That((_taker.OrdersSent, _taker.Signals), Is.EqualTo((0L, 0L)));

        _h.Quote(9_990, 700, 10_010, 300); // +4,000 bps
        Assert.That(_taker.OrdersSent, Is.EqualTo(1));
    }

    [Test]
    public void OnMarketData_BidsOutweighAsks_BuysAtTheFarTouchPlusThroughTicks()
    {
        Start(Options(through: 2));

        _h.Quote(9_990, 900, 10_010, 100);

        var order = _h.Order(_taker.InFlight(0));
        Assert.That((order.Side, order.Type, order.TimeInForce, order.LimitPriceTicks, order.Quantity), Is.EqualTo((Side.Buy, OrderType.Limit, TimeInForce.Ioc, 10_012L, 100L)));
    }

    [Test]
    public void OnMarketData_AsksOutweighBids_SellsAtTheFarTouchLessThroughTicks()
    {
        Start(Options(through: 2));

        _h.Quote(9_990, 100, 10_010, 900);

        var order = _h.Order(_taker.InFlight(0));
        Assert.That((order.Side, order.LimitPriceTicks), Is.EqualTo((Side.Sell, 9_988L)));
    }

    [TestCase(10_010, TestName = "OnMarketData_LockedBook_SendsNothing")]
    [TestCase(10_020, TestName = "OnMarketData_CrossedBook_SendsNothing")]
    public void OnMarketData_CrossedOrLockedBook_SendsNothingAndCountsIt(long bidTicks)
    {
        Start(Options());

        _h.Quote(bidTicks, 900, 10_010, 100); // +8,000 bps, but nobody can buy at a best ask at or below the best bid

        Assert.That((_taker.OrdersSent, _taker.Signals, _taker.CrossedSkipped), Is.EqualTo((0L, 0L, 1L)));
        _h.Quote(9_990, 900, 10_010, 100);
        Assert.That(_taker.OrdersSent, Is.EqualTo(1), "uncrossed again, it trades");
    }

    [TestCase(1, 0L, TestName = "OnMarketData_OneLevel_SeesTheBalancedTouch")]
    [TestCase(2, 1L, TestName = "OnMarketData_TwoLevels_SeesTheBidsBelowTheTouch")]
    public void OnMarketData_Levels_SumsTheTopLevelsOfEachSide(int levels, long orders)
    {
        // Touch 100 x 100; the second bid level adds 500: over two levels (600 - 100) / 700 = +7,142 bps.
        Start(Options(levels: levels));
        _h.Market(BookEvents.Add(1, Side.Buy, 9_990, 100));
        _h.Market(BookEvents.Add(2, Side.Buy, 9_989, 500));
        _h.Market(BookEvents.Add(3, Side.Sell, 10_010, 100));

        Assert.That(_taker.OrdersSent, Is.EqualTo(orders));
    }

    [Test]
    public void OnMarketData_WithinTheCooldown_WaitsEvenAfterTheOrderEnded()
    {
        Start(Options(cooldownMs: 1_000));
        _h.Quote(9_990, 900, 10_010, 100);
        long first = _taker.InFlight(0);
        _h.Report(ExecutionKind.Accepted, first);
        _h.Report(ExecutionKind.Fill, first, 100, 10_010);

        _h.Advance(999);
        _h.Quote(9_990, 900, 10_010, 100);
        Assert.That(_taker.OrdersSent, Is.EqualTo(1));

        _h.Advance(1);
        _h.Quote(9_990, 900, 10_010, 100);
        Assert.That(_taker.OrdersSent, Is.EqualTo(2));
        Assert.That(_taker.InFlight(0), Is.Not.EqualTo(first));
    }

    [Test]
    public void OnMarketData_OrderInFlight_SendsNoSecondOne()
    {
        Start(Options(cooldownMs: 1));
        _h.Quote(9_990, 900, 10_010, 100);
        _h.Report(ExecutionKind.Accepted, _taker.InFlight(0));

        _h.Advance(1_000);
        _h.Quote(9_990, 900, 10_010, 100);

        Assert.That(_taker.OrdersSent, Is.EqualTo(1));
    }

    [Test]
    public void OnExecution_IocRemainderCancelled_EndsTheOrderAndCountsItsFill()
    {
        Start(Options(cooldownMs: 1));
        _h.Quote(9_990, 900, 10_010, 100);
        long id = _taker.InFlight(0);
        _h.Report(ExecutionKind.Accepted, id);
        _h.Report(ExecutionKind.PartialFill, id, 40, 10_010);
        _h.Report(ExecutionKind.Canceled, id);

        Assert.That((_taker.InFlight(0), _taker.Fills, _taker.FilledQuantity, _h.Position()), Is.EqualTo((0L, 1L, 40L, 40L)));
    }

    [Test]
    public void OnMarketData_NearTheMaxPosition_CutsTheOrderToWhatFits()
    {
        Start(Options(quantity: 100, maxPosition: 150, cooldownMs: 1));
        BuyAndFill(100);

        _h.Advance(1);
        _h.Quote(9_990, 900, 10_010, 100);

        Assert.That(_h.Order(_taker.InFlight(0)).Quantity, Is.EqualTo(50));
    }

    [Test]
    public void OnMarketData_AtTheMaxPosition_BuysNothingButMaySell()
    {
        Start(Options(quantity: 100, maxPosition: 100, cooldownMs: 1));
        BuyAndFill(100);

        _h.Advance(1);
        _h.Quote(9_990, 900, 10_010, 100);
        Assert.That((_taker.InFlight(0), _taker.OrdersSent), Is.EqualTo((0L, 1L)));

        _h.Quote(9_990, 100, 10_010, 900);
        var sell = _h.Order(_taker.InFlight(0));
        Assert.That((sell.Side, sell.Quantity), Is.EqualTo((Side.Sell, 100L)), "selling reduces the position");
    }

    [Test]
    public void OnMarketData_Halted_SendsNothing()
    {
        Start(Options());
        _h.Command(ControlCommand.Kill);

        _h.Quote(9_990, 900, 10_010, 100);

        Assert.That((_taker.OrdersSent, _taker.Refused, _taker.Signals), Is.EqualTo((0L, 0L, 0L)));
    }

    [Test]
    public void OnParameters_Reloaded_TheNewThresholdApplies()
    {
        Start(Options(threshold: 9_000));
        _h.Quote(9_990, 900, 10_010, 100);
        Assert.That(_taker.OrdersSent, Is.Zero);

        _h.Parameters.Post(Options(threshold: 5_000));
        _h.Command(ControlCommand.ApplyStrategyParameters);
        _h.Quote(9_990, 900, 10_010, 100);

        Assert.That((_taker.Parameters.ThresholdBps, _taker.OrdersSent), Is.EqualTo((5_000L, 1L)));
    }

    [Test]
    public void OnMarketData_WarmedLoop_AllocatesNothing()
    {
        Start(Options(cooldownMs: 1), new RiskOptions { Defaults = new() { PriceDecimals = 2 }, SubmitsPerSecond = 100_000, SubmitBurst = 1_000 });
        Run(200);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(5_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(_taker.OrdersSent, Is.GreaterThan(2_000));

        void Run(int events)
        {
            for (int i = 0; i < events; i++)
            {
                bool buy = i % 2 == 0;
                _h.Quote(9_990, buy ? 900 : 100, 10_010, buy ? 100 : 900);
                long id = _taker.InFlight(0);
                if (id != 0)
                {
                    _h.Report(ExecutionKind.Accepted, id);
                    _h.Report(ExecutionKind.Fill, id, 100, 10_000); // flat round trips: no loss to trip the breaker
                }
                _h.Advance(1);
                _h.DrainOutbound();
            }
        }
    }

    private void BuyAndFill(long quantity)
    {
        _h.Quote(9_990, 900, 10_010, 100);
        long id = _taker.InFlight(0);
        _h.Report(ExecutionKind.Accepted, id);
        _h.Report(ExecutionKind.Fill, id, quantity, 10_010);
        Assert.That(_h.Position(), Is.EqualTo(quantity));
    }
}
