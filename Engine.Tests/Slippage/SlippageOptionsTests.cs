using Engine.Slippage;

namespace Engine.Tests.Slippage;

public sealed class SlippageOptionsTests
{
    private static List<string> Validate(SlippageOptions options)
    {
        var errors = new List<string>();
        options.Validate("slippage", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_ReportsNothing()
    {
        Assert.That(Validate(new SlippageOptions()), Is.Empty);
    }

    [Test]
    public void Validate_DefaultsAtTheirBounds_ReportsNothing()
    {
        var low = new ImpactModelOptions { ImpactCoefficientMilli = 0, DailyVolatilityBps = 0, AverageDailyVolume = 1 };
        var high = new ImpactModelOptions
        {
            ImpactCoefficientMilli = ImpactModelOptions.MaxImpactCoefficientMilli,
            DailyVolatilityBps = ImpactModelOptions.MaxDailyVolatilityBps,
            AverageDailyVolume = ImpactModelOptions.MaxAverageDailyVolume,
        };

        Assert.That(Validate(new SlippageOptions { Defaults = low }).Concat(Validate(new SlippageOptions { Defaults = high })), Is.Empty);
    }

    [Test]
    public void Validate_EveryDefaultOutOfRange_ReportsAllAtOnceWithTheirPaths()
    {
        var options = new SlippageOptions
        {
            Defaults = new ImpactModelOptions { ImpactCoefficientMilli = -1, DailyVolatilityBps = 10_001, AverageDailyVolume = 0 },
        };

        Assert.That(Validate(options), Is.EqualTo(new[]
        {
            "slippage.defaults.impactCoefficientMilli: -1 is outside 0..10000",
            "slippage.defaults.dailyVolatilityBps: 10001 is outside 0..10000",
            "slippage.defaults.averageDailyVolume: 0 is outside 1..1000000000000000",
        }));
    }

    [Test]
    public void Validate_BadEntries_ReportEachUnderItsIndex()
    {
        var options = new SlippageOptions
        {
            Instruments =
            [
                new SlippageInstrumentOptions { InstrumentId = 3, ImpactCoefficientMilli = 10_001 },
                new SlippageInstrumentOptions { InstrumentId = 3 },
                new SlippageInstrumentOptions { InstrumentId = -1, AverageDailyVolume = 0 },
                new SlippageInstrumentOptions { InstrumentId = 7, DailyVolatilityBps = -2 },
            ],
        };

        Assert.That(Validate(options), Is.EqualTo(new[]
        {
            "slippage.instruments[0].impactCoefficientMilli: 10001 is outside 0..10000",
            "slippage.instruments[1].instrumentId: 3 already has an entry; one per instrument",
            "slippage.instruments[2].instrumentId: -1 is outside 0..99999",
            "slippage.instruments[2].averageDailyVolume: 0 is outside 1..1000000000000000",
            "slippage.instruments[3].dailyVolatilityBps: -2 is outside 0..10000",
        }));
    }

    [Test]
    public void Validate_EntryWithoutOverridesUnderBadDefaults_ReportsOnlyTheDefaults()
    {
        var options = new SlippageOptions
        {
            Defaults = new ImpactModelOptions { DailyVolatilityBps = -1 },
            Instruments = [new SlippageInstrumentOptions { InstrumentId = 1 }],
        };

        Assert.That(Validate(options), Is.EqualTo(new[] { "slippage.defaults.dailyVolatilityBps: -1 is outside 0..10000" }));
    }

    [Test]
    public void ResolveAgainst_PartialEntry_TakesTheRestFromTheDefaults()
    {
        var defaults = new ImpactModelOptions { ImpactCoefficientMilli = 500, DailyVolatilityBps = 150, AverageDailyVolume = 42 };

        var resolved = new SlippageInstrumentOptions { InstrumentId = 1, AverageDailyVolume = 7 }.ResolveAgainst(defaults);

        Assert.That(resolved, Is.EqualTo(new ImpactModelOptions { ImpactCoefficientMilli = 500, DailyVolatilityBps = 150, AverageDailyVolume = 7 }));
    }
}
