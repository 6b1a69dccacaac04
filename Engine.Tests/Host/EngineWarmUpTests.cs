using Engine.Backtest;
using Engine.Config;
using Engine.Host;
using Engine.Pipeline;
using Engine.Strategies;
using Engine.Tests.Backtest;
using Engine.Tests.Support;

namespace Engine.Tests.Host;

public sealed class EngineWarmUpTests
{
    [TestCase(StrategyKind.MarketMaker)]
    [TestCase(StrategyKind.ImbalanceTaker)]
    [TestCase(StrategyKind.Twap)]
    public void Run_ShippedConfigWithEachStrategy_SendsOrdersAndGetsFills(StrategyKind strategy)
    {
        var options = ConfigLoader.Load(RepositoryPaths.ShippedConfig());
        options.Strategy = options.Strategy with { Name = strategy };
        options.Pipeline = options.Pipeline with { WarmUpEvents = 5_000 };

        var warmUp = EngineWarmUp.Run(options)!.Value;

        Assert.That((warmUp.Events, warmUp.Orders > 0, warmUp.Fills > 0), Is.EqualTo((5_000, true, true)), $"{warmUp}: the order path ran, to the venue and back");
    }

    [Test]
    public void Run_HandlerFaultUnderLogAndHalt_ThrowsBacktestExceptionForTheServiceToLog()
    {
        var options = TestEngines.Synthetic("warm-up-halt", 1_000);
        options.Pipeline = options.Pipeline with { FaultPolicy = FaultPolicy.LogAndHalt, WarmUpEvents = 1_000 };

        var thrown = Assert.Throws<BacktestException>(() => EngineWarmUp.Run(options, () => new ThrowingStrategy(onEvent: 10)));

        Assert.That(thrown!.Message, Does.Contain("halted on a fault"));
    }

    [Test]
    public void Run_WarmUpEventsZero_RunsNothing()
    {
        var options = TestEngines.Synthetic("warm-up-off", 1_000);
        options.Pipeline = options.Pipeline with { WarmUpEvents = 0 };

        Assert.That(EngineWarmUp.Run(options), Is.Null);
    }

    [Test]
    public void Run_LeavesTheEngineUntouched()
    {
        var options = TestEngines.Synthetic("warm-up", 1_000);
        options.Strategy = new StrategyOptions { Name = StrategyKind.MarketMaker };
        options.Pipeline = options.Pipeline with { WarmUpEvents = 5_000 };
        using var host = new EngineHost(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        var warmUp = EngineWarmUp.Run(options)!.Value;

        Assert.That(warmUp.Orders, Is.GreaterThan(0));
        Assert.That((host.Counter.Handled, host.Router.Orders.OpenCount, host.Books[0].OrderCount), Is.EqualTo((0L, 0, 0)), "a copy of the pipeline: the engine's own has seen nothing");
    }
}
