using Engine.Backtest;
using Engine.Config;
using Engine.Risk;
using Engine.Tests.Support;

namespace Engine.Tests.Backtest;

/// <summary>How a backtest fits the configuration to its data's instruments.</summary>
public sealed class BacktestOptionsTests
{
    private static readonly BacktestOptions s_lobster = new() { DataPath = BacktestFixture.Lobster("message"), Format = BacktestFormat.Lobster, OutDirectory = "unused" };

    [Test]
    public void Apply_ConfiguredEntryAtOtherDecimals_TakesTheDatasDecimalsAndSaysSo()
    {
        var options = ConfigLoader.Load(RepositoryPaths.ShippedConfig());
        options.Risk.Instruments[0] = options.Risk.Instruments[0] with { PriceDecimals = 2, MaxOrderQuantity = 777 };
        var data = s_lobster.Load(options.Book.Instruments);

        var notes = s_lobster.Apply(options, data);

        var entry = options.Risk.Instruments.Single(e => e.InstrumentId == 0);
        Assert.That(entry.PriceDecimals, Is.EqualTo(4), "LOBSTER prices are in 1/10,000 dollars");
        Assert.That(entry.MaxOrderQuantity, Is.EqualTo(777), "the entry's other limits stay");
        Assert.That(notes, Has.One.Contains("risk.instruments[id 0].priceDecimals 2 -> 4"));
    }

    [Test]
    public void Apply_InstrumentWithoutAnEntry_GetsTheDefaultsAtTheDatasDecimals()
    {
        var options = new EngineOptions();
        var data = s_lobster.Load(options.Book.Instruments);

        var notes = s_lobster.Apply(options, data);

        Assert.That(options.Risk.Instruments.Single().PriceDecimals, Is.EqualTo(4));
        Assert.That(notes, Is.Empty);
    }
}
