using Engine.Book;
using Engine.Positions;
using Engine.Risk;
using Engine.Slippage;

namespace Engine.Tests.Risk;

public sealed class RiskOptionsTests
{
    private static List<string> Errors(RiskOptions options)
    {
        var errors = new List<string>();
        options.Validate("risk", errors);
        return errors;
    }

    [TestCase(-1)]
    [TestCase(9)]
    public void Validate_QuantityDecimalsOutOfRange_ReportsIt(int decimals)
    {
        var options = new RiskOptions { Instruments = [new RiskInstrumentOptions { InstrumentId = 2, QuantityDecimals = decimals }] };

        Assert.That(Errors(options), Is.EqualTo(new[] { $"risk.instruments[0].quantityDecimals: {decimals} is outside 0..8" }));
    }

    [Test]
    public void Validate_Defaults_ReportNothing() => Assert.That(Errors(new RiskOptions()), Is.Empty);

    [Test]
    public void Validate_AnInstrumentIdInTheDefaults_IsRefused()
    {
        var errors = Errors(new RiskOptions { Defaults = new RiskInstrumentOptions { InstrumentId = 2 } });

        Assert.That(errors, Has.One.StartsWith("risk.defaults.instrumentId: 2 is refused"));
    }

    [Test]
    public void Validate_EveryBadKey_IsReportedAtOnceWithItsPath()
    {
        var options = new RiskOptions
        {
            MaxGrossNotionalCents = 0, MaxOpenOrders = 0, MaxOpenPositions = 0, SubmitBurst = 0, SubmitsPerSecond = 0,
            CancelBurst = 0, CancelsPerSecond = 0, MaxSlippageBps = 0,
            Defaults = new RiskInstrumentOptions { PriceDecimals = 9, MinPriceIncrementTicks = 0, LotSize = 0, PriceCollarBps = 0, MaxOrderQuantity = 0, MaxOrderNotionalCents = 0, MaxPositionQuantity = 0 },
            Instruments = [new RiskInstrumentOptions { InstrumentId = 3 }, new RiskInstrumentOptions { InstrumentId = 3, MaxPositionQuantity = 5 }, new RiskInstrumentOptions { InstrumentId = -1 }],
        };

        var errors = Errors(options);

        Assert.That(errors, Has.Count.EqualTo(18));
        Assert.That(errors, Has.One.StartsWith("risk.maxGrossNotionalCents: 0"));
        Assert.That(errors, Has.One.StartsWith("risk.defaults.priceDecimals: 9 is outside 0..8"));
        Assert.That(errors, Has.One.StartsWith("risk.instruments[1].instrumentId: 3 already has an entry"));
        Assert.That(errors, Has.One.StartsWith("risk.instruments[1].maxPositionQuantity: 5 is below maxOrderQuantity"));
        Assert.That(errors, Has.One.StartsWith("risk.instruments[2].instrumentId: -1 is outside"));
    }

    [Test]
    public void RiskEngine_EntryWithoutABook_Throws()
    {
        var options = new RiskOptions { Instruments = [new RiskInstrumentOptions { InstrumentId = 2 }] };
        var books = new OrderBooks(new BookOptions { Instruments = 2, MaxOrders = 16, MaxLevelsPerSide = 4 });

        var positions = new PositionTable(new PositionsOptions { Instruments = 2 });

        var e = Assert.Throws<ArgumentException>(() => _ = new RiskEngine(options, books, positions, new SlippageEstimator(new SlippageOptions(), 2), new CircuitBreaker(new BreakerOptions(), 0), 0));

        Assert.That(e!.Message, Does.Contain("risk.instruments[0].instrumentId: 2 is outside 0..1"));
    }
}
