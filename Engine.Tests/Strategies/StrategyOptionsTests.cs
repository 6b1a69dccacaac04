using Engine.Config;
using Engine.Orders.Twap;
using Engine.Risk;
using Engine.Strategies;
using Engine.Tests.Support;

namespace Engine.Tests.Strategies;

/// <summary>The <c>strategy</c> section's validation: every key with its path, and the cross-checks against risk.</summary>
public sealed class StrategyOptionsTests
{
    private static List<string> Validate(StrategyOptions options, int instruments = 16, RiskOptions? risk = null)
    {
        var errors = new List<string>();
        options.Validate("strategy", errors, instruments, risk ?? new RiskOptions { SubmitsPerSecond = 1_000, CancelsPerSecond = 1_000 });
        return errors;
    }

    [TestCase(StrategyKind.None)]
    [TestCase(StrategyKind.MarketMaker)]
    [TestCase(StrategyKind.ImbalanceTaker)]
    [TestCase(StrategyKind.Twap)]
    public void Validate_Defaults_ReportNothing(StrategyKind name)
    {
        Assert.That(Validate(new StrategyOptions { Name = name }), Is.Empty);
    }

    [Test]
    public void Load_ShippedEngineJson_RunsTheMarketMakerOnTheSyntheticInstruments()
    {
        var options = ConfigLoader.Load(RepositoryPaths.ShippedConfig());

        Assert.That(options.Validate(), Is.Empty);
        Assert.That(options.Strategy.Name, Is.EqualTo(StrategyKind.MarketMaker));
        Assert.That(options.Strategy.Instruments, Is.EqualTo(new[] { 0, 1, 2, 3 }));
    }

    [TestCase("quoteQuantity", "strategy.marketMaker.quoteQuantity: 0 is outside 1..1000000000000")]
    [TestCase("halfSpreadTicks", "strategy.marketMaker.halfSpreadTicks: 0 is outside 1..1000000")]
    [TestCase("skewTicks", "strategy.marketMaker.skewTicks: -1 is outside 0..1000000")]
    [TestCase("maxPosition", "strategy.marketMaker.maxPosition: 0 is outside 1..1000000000000")]
    [TestCase("requoteThresholdTicks", "strategy.marketMaker.requoteThresholdTicks: 0 is outside 1..1000000")]
    [TestCase("minRequoteIntervalMs", "strategy.marketMaker.minRequoteIntervalMs: 0 is outside 1..60000")]
    public void Validate_BadMarketMakerKey_NamesItsPathAndRange(string key, string expected)
    {
        var mm = key switch
        {
            "quoteQuantity" => new MarketMakerOptions { QuoteQuantity = 0 },
            "halfSpreadTicks" => new MarketMakerOptions { HalfSpreadTicks = 0 },
            "skewTicks" => new MarketMakerOptions { SkewTicks = -1 },
            "maxPosition" => new MarketMakerOptions { MaxPosition = 0 },
            "requoteThresholdTicks" => new MarketMakerOptions { RequoteThresholdTicks = 0 },
            _ => new MarketMakerOptions { MinRequoteIntervalMs = 0 },
        };

        Assert.That(Validate(new StrategyOptions { MarketMaker = mm }), Has.Some.StartsWith(expected));
    }

    [TestCase("levels", "strategy.imbalanceTaker.levels: 0 is outside 1..64")]
    [TestCase("thresholdBps", "strategy.imbalanceTaker.thresholdBps: 10001 is outside 1..10000")]
    [TestCase("quantity", "strategy.imbalanceTaker.quantity: 0 is outside 1..1000000000000")]
    [TestCase("throughTicks", "strategy.imbalanceTaker.throughTicks: -1 is outside 0..1000000")]
    [TestCase("cooldownMs", "strategy.imbalanceTaker.cooldownMs: 0 is outside 1..3600000")]
    [TestCase("maxPosition", "strategy.imbalanceTaker.maxPosition: 50 is less than quantity (100)")]
    public void Validate_BadImbalanceTakerKey_NamesItsPathAndRange(string key, string expected)
    {
        var taker = key switch
        {
            "levels" => new ImbalanceTakerOptions { Levels = 0 },
            "thresholdBps" => new ImbalanceTakerOptions { ThresholdBps = 10_001 },
            "quantity" => new ImbalanceTakerOptions { Quantity = 0 },
            "throughTicks" => new ImbalanceTakerOptions { ThroughTicks = -1 },
            "cooldownMs" => new ImbalanceTakerOptions { CooldownMs = 0 },
            _ => new ImbalanceTakerOptions { MaxPosition = 50 },
        };

        Assert.That(Validate(new StrategyOptions { ImbalanceTaker = taker }), Has.Some.StartsWith(expected));
    }

    [Test]
    public void Validate_BadTwapAndInstruments_ReportsEveryProblemAtOnce()
    {
        var options = new StrategyOptions
        {
            Instruments = [3, 16, 3],
            Twap = new TwapOptions { InstrumentId = 20, Slices = 0 },
            MarketMaker = new MarketMakerOptions { QuoteQuantity = 500, MaxPosition = 100 },
        };

        var errors = Validate(options);

        Assert.That(errors, Is.EquivalentTo(new[]
        {
            "strategy.instruments[1]: 16 is outside 0..15 (the book ids)",
            "strategy.instruments[2]: 3 is listed twice",
            "strategy.marketMaker.maxPosition: 100 is less than quoteQuantity (500): no quote could ever be sent",
            "strategy.twap.instrumentId: 20 is outside 0..15",
            "strategy.twap.slices: 0 is outside 1..10000",
        }));
    }

    [Test]
    public void Validate_MarketMakerFasterThanTheRiskRateLimits_IsRefusedWithAHint()
    {
        var options = new StrategyOptions { Name = StrategyKind.MarketMaker, Instruments = [0, 1, 2, 3], MarketMaker = new MarketMakerOptions { MinRequoteIntervalMs = 250 } };

        var errors = Validate(options, risk: new RiskOptions { SubmitsPerSecond = 31, CancelsPerSecond = 31 });

        Assert.That(errors, Has.Count.EqualTo(2));
        Assert.That(errors[0], Does.StartWith("strategy.marketMaker.minRequoteIntervalMs: 250 ms over 8 order streams allows up to 32 orders/s, more than risk.submitsPerSecond (31)"));
        Assert.That(errors[1], Does.Contain("risk.cancelsPerSecond (31)"));
        Assert.That(Validate(options, risk: new RiskOptions { SubmitsPerSecond = 32, CancelsPerSecond = 32 }), Is.Empty);
    }

    [Test]
    public void Validate_ImbalanceTakerCooldownTooShortForTheSubmitRate_IsRefused()
    {
        var options = new StrategyOptions { Name = StrategyKind.ImbalanceTaker, ImbalanceTaker = new ImbalanceTakerOptions { CooldownMs = 100 } };

        Assert.That(Validate(options, instruments: 2, risk: new RiskOptions { SubmitsPerSecond = 19 }), Has.One.StartsWith("strategy.imbalanceTaker.cooldownMs: 100 ms over 2 order streams allows up to 20 orders/s"));
    }

    [TestCase(StrategyKind.MarketMaker, "strategy.marketMaker.quoteQuantity: 100 is not a multiple of instrument 2's lotSize (30) under risk")]
    [TestCase(StrategyKind.ImbalanceTaker, "strategy.imbalanceTaker.quantity: 100 is not a multiple of instrument 2's lotSize (30) under risk")]
    public void Validate_QuantityNotWholeLots_IsRefused(StrategyKind name, string expected)
    {
        var risk = new RiskOptions { SubmitsPerSecond = 1_000, CancelsPerSecond = 1_000, Instruments = [new RiskInstrumentOptions { InstrumentId = 2, LotSize = 30 }] };

        Assert.That(Validate(new StrategyOptions { Name = name }, instruments: 4, risk: risk), Has.Some.EqualTo(expected));
        Assert.That(Validate(new StrategyOptions { Name = name, Instruments = [0, 1, 3] }, instruments: 4, risk: risk), Is.Empty, "instrument 2 not traded");
    }

    [Test]
    public void Validate_TwapTotalNotWholeLots_IsRefused()
    {
        var risk = new RiskOptions { Defaults = new RiskInstrumentOptions { LotSize = 300 } };

        Assert.That(Validate(new StrategyOptions { Name = StrategyKind.Twap, Twap = new TwapOptions { TotalQuantity = 1_000 } }, risk: risk),
            Has.One.StartsWith("strategy.twap.totalQuantity: 1000 is not a multiple of instrument 0's lotSize (300)"));
    }

    [TestCase(StrategyKind.None, null)]
    [TestCase(StrategyKind.MarketMaker, typeof(MarketMakerStrategy))]
    [TestCase(StrategyKind.ImbalanceTaker, typeof(ImbalanceTakerStrategy))]
    [TestCase(StrategyKind.Twap, typeof(TwapStrategy))]
    public void Create_EachName_BuildsItsStrategy(StrategyKind name, Type? expected)
    {
        var strategy = StrategyFactory.Create(new StrategyOptions { Name = name }, 4);

        Assert.That(strategy?.GetType(), Is.EqualTo(expected));
        Assert.That(strategy?.Name, Is.EqualTo(expected is null ? null : name.ToString()));
    }
}
