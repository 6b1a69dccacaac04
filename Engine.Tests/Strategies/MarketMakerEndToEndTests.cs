using Engine.Host;
using Engine.Risk;
using Engine.Strategies;
using Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Strategies;

/// <summary>The whole engine with the market maker on the synthetic market and the paper venue.</summary>
public sealed class MarketMakerEndToEndTests
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
}
