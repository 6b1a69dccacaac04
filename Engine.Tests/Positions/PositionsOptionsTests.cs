using Engine.Positions;

namespace Engine.Tests.Positions;

public sealed class PositionsOptionsTests
{
    private static List<string> Validate(PositionsOptions options)
    {
        var errors = new List<string>();
        options.Validate("positions", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_ReportsNothing()
    {
        Assert.That(Validate(new PositionsOptions()), Is.Empty);
    }

    [TestCase(0)]
    [TestCase(100_001)]
    public void Validate_InstrumentsOutOfRange_ReportsIt(int instruments)
    {
        Assert.That(Validate(new PositionsOptions { Instruments = instruments }), Has.One.StartsWith("positions.instruments:"));
    }

    [TestCase(0L)]
    [TestCase(1_000_000_000_001L)]
    public void Validate_MaxPriceTicksOutOfRange_ReportsIt(long maxPriceTicks)
    {
        Assert.That(Validate(new PositionsOptions { MaxPriceTicks = maxPriceTicks }), Has.One.StartsWith("positions.maxPriceTicks:"));
    }

    [TestCase(0L)]
    [TestCase(1_000_000_000_000_001L)]
    public void Validate_MaxPositionQtyOutOfRange_ReportsIt(long maxPositionQty)
    {
        Assert.That(Validate(new PositionsOptions { MaxPositionQty = maxPositionQty }), Has.One.StartsWith("positions.maxPositionQty:"));
    }

    [TestCase(-1)]
    [TestCase(10_001)]
    public void Validate_LossBpsOutOfRange_ReportsIt(int lossBps)
    {
        var options = new PositionsOptions { StopLoss = new StopLossOptions { LossBps = lossBps } };

        Assert.That(Validate(options), Has.One.StartsWith("positions.stopLoss.lossBps:"));
    }

    [Test]
    public void Validate_BadTrailingStop_ReportsEveryProblemWithItsPath()
    {
        var options = new PositionsOptions
        {
            MaxPriceTicks = 1_000,
            TrailingStop = new TrailingStopOptions { Mode = (TrailingStopMode)7, OffsetBps = 0, OffsetTicks = 1_001 },
        };

        Assert.That(Validate(options), Is.EqualTo(new[]
        {
            "positions.trailingStop.mode: 7 must be Off, Percent or Absolute",
            "positions.trailingStop.offsetBps: 0 is outside 1..10000",
            "positions.trailingStop.offsetTicks: 1001 is outside 1..maxPriceTicks (1000)",
        }));
    }

    [Test]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.That(() => new PositionTable(new PositionsOptions { Instruments = 0 }), Throws.ArgumentException.With.Message.Contains("positions.instruments"));
    }

    [Test]
    public void From_AbsoluteOffset_ConvertsTicksToSubTicks()
    {
        var rules = StopRules.From(new StopLossOptions { LossBps = 250 }, new TrailingStopOptions { Mode = TrailingStopMode.Absolute, OffsetTicks = 3 });

        Assert.That(rules, Is.EqualTo(new StopRules(250, TrailingStopMode.Absolute, 100, 30_000)));
    }
}
