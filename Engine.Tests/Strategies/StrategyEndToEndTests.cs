using Engine.Host;
using Engine.Orders.Twap;
using Engine.Risk;
using Engine.Strategies;
using Engine.Tests.Support;
using Feeds;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Strategies;

/// <summary>The whole engine with each built-in strategy on the synthetic market and the paper venue.</summary>
public sealed class StrategyEndToEndTests
{
    [Test]
    public void Run_MarketMakerOnTheSyntheticMarket_OrdersAndFillsWithTheBreakerClosed()
    {
        var options = TestEngines.Synthetic("mm-e2e", rateEventsPerSecond: 200_000) with
        {
            Risk = new RiskOptions
            {
                Defaults = new RiskInstrumentOptions { PriceDecimals = 2 },
                SubmitsPerSecond = 50,
                SubmitBurst = 40,
                CancelsPerSecond = 50,
                CancelBurst = 80,
            },
            Strategy = new StrategyOptions
            {
                Name = StrategyKind.MarketMaker,
                Instruments = [0, 1],
                MarketMaker = new MarketMakerOptions { MinRequoteIntervalMs = 100, MaxPosition = 500 },
            },
        };
        Assert.That(options.Validate(), Is.Empty);
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        host.Start();

        Eventually.Until(() => host.Router.Snapshot.Fills >= 5 && host.Router.Snapshot.Sent >= 10, TestTimeouts.LongRun, "the market maker's quotes were sent and filled");

        Assert.That(host.Stop(), Is.True);
        var mm = (MarketMakerStrategy)host.Strategy.Strategy!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(host.Risk.Snapshot.BreakerState, Is.EqualTo(BreakerState.Closed));
            Assert.That(host.Risk.Snapshot.TradingState, Is.EqualTo(TradingState.Active));
            Assert.That(mm.Refused, Is.Zero, "nothing refused by the checks");
            Assert.That(mm.VenueRejects, Is.Zero);
            Assert.That(mm.Fills, Is.GreaterThanOrEqualTo(5));
            Assert.That(host.Risk.Positions[0].Quantity, Is.InRange(-500, 500));
        }
    }

    [Test]
    public void Run_ImbalanceTakerOnTheSyntheticMarket_TakesLiquidityWithTheBreakerClosed()
    {
        var options = TestEngines.Synthetic("taker-e2e", rateEventsPerSecond: 200_000) with
        {
            Risk = new RiskOptions { Defaults = new RiskInstrumentOptions { PriceDecimals = 2 } },
            Strategy = new StrategyOptions
            {
                Name = StrategyKind.ImbalanceTaker,
                Instruments = [0, 1],
                ImbalanceTaker = new ImbalanceTakerOptions { Levels = 1, ThresholdBps = 3_000, CooldownMs = 200, MaxPosition = 300 },
            },
        };
        Assert.That(options.Validate(), Is.Empty);
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        host.Start();

        Eventually.Until(() => host.Router.Snapshot.Fills >= 3, TestTimeouts.LongRun, "the taker's IOC orders filled");

        Assert.That(host.Stop(), Is.True);
        var taker = (ImbalanceTakerStrategy)host.Strategy.Strategy!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(host.Risk.Snapshot.BreakerState, Is.EqualTo(BreakerState.Closed));
            Assert.That((taker.Refused, taker.VenueRejects), Is.EqualTo((0L, 0L)));
            Assert.That(taker.Fills, Is.GreaterThanOrEqualTo(3));
            Assert.That(host.Risk.Positions[0].Quantity, Is.InRange(-300, 300));
            Assert.That(host.Risk.Positions[1].Quantity, Is.InRange(-300, 300));
        }
    }

    [Test]
    public void Run_TwapStrategyOnTheSyntheticMarket_FillsTheWholeParent()
    {
        var options = TestEngines.Synthetic("twap-e2e", rateEventsPerSecond: 100_000) with
        {
            Strategy = new StrategyOptions
            {
                Name = StrategyKind.Twap,
                Twap = new TwapOptions { InstrumentId = 1, Side = Side.Sell, TotalQuantity = 400, Slices = 4, DurationMs = 400 },
            },
        };
        Assert.That(options.Validate(), Is.Empty);
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        host.Start();
        var twap = (TwapStrategy)host.Strategy.Strategy!;

        Eventually.Until(() => twap.Executor is { IsActive: false }, TestTimeouts.LongRun, "the parent ended");

        Assert.That(host.Stop(), Is.True);
        var executor = twap.Executor!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((executor.Status, executor.FilledQuantity), Is.EqualTo((TwapStatus.Completed, 400L)));
            // Slices a late batch missed fold into one child, and what a child left unfilled goes out again later.
            Assert.That(executor.ChildrenSent, Is.GreaterThanOrEqualTo(1));
            Assert.That(executor.ChildrenRefused, Is.Zero);
            Assert.That(host.Risk.Positions[1].Quantity, Is.EqualTo(-400));
            Assert.That(host.Risk.Snapshot.BreakerState, Is.EqualTo(BreakerState.Closed));
        }
    }
}
