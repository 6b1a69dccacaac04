using Engine.Orders.Twap;
using Engine.Risk;
using Feeds;

namespace Engine.Tests.Orders.Twap;

public sealed class TwapOptionsTests
{
    [Test]
    public void Validate_Defaults_AreValid()
    {
        var errors = new List<string>();

        new TwapOptions().Validate("twap", errors, instruments: 1);

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Validate_EveryBadValue_IsReportedWithItsKeyPathAllAtOnce()
    {
        var options = new TwapOptions
        {
            InstrumentId = 5,
            Side = Side.None,
            TotalQuantity = 0,
            DurationMs = 0,
            Slices = 0,
            ChildType = (TwapChildType)9,
            ChildTimeInForce = TimeInForce.Gtc,
            LimitOffsetTicks = 3,
            StartDelayMs = -1,
            CancelRetryMs = 0,
        };
        var errors = new List<string>();

        options.Validate("twap", errors, instruments: 2);

        Assert.That(errors, Has.Count.EqualTo(10));
        Assert.That(errors, Has.One.StartsWith("twap.instrumentId: 5 is outside 0..1"));
        Assert.That(errors, Has.One.StartsWith("twap.side: 'None'"));
        Assert.That(errors, Has.One.StartsWith("twap.totalQuantity: 0"));
        Assert.That(errors, Has.One.StartsWith("twap.durationMs: 0"));
        Assert.That(errors, Has.One.StartsWith("twap.slices: 0"));
        Assert.That(errors, Has.One.StartsWith("twap.childType: '9'"));
        Assert.That(errors, Has.One.StartsWith("twap.childTimeInForce: 'Gtc' must be Day or Ioc"));
        Assert.That(errors, Has.One.StartsWith("twap.limitOffsetTicks/limitCapTicks: 3/0 apply only to childType Limit"));
        Assert.That(errors, Has.One.StartsWith("twap.startDelayMs: -1"));
        Assert.That(errors, Has.One.StartsWith("twap.cancelRetryMs: 0"));
    }

    [TestCase(10, 5, 100, "twap.slices: 10 is more than durationMs (5)")]
    [TestCase(10, 10_000, 3, "twap.slices: 10 is more than totalQuantity (3)")]
    [TestCase(10_001, 100_000, 100_000, "twap.slices: 10001 is outside 1..10000")]
    public void Validate_SlicesAgainstDurationAndQuantity_AreChecked(int slices, long durationMs, long total, string expected)
    {
        var errors = new List<string>();

        new TwapOptions { Slices = slices, DurationMs = durationMs, TotalQuantity = total }.Validate("twap", errors);

        Assert.That(errors, Is.EqualTo(new[] { expected }).Using<string>((a, b) => a.StartsWith(b, StringComparison.Ordinal)));
    }

    [Test]
    public void Validate_LimitChildren_CheckOffsetCapAndReference()
    {
        var errors = new List<string>();

        new TwapOptions { ChildType = TwapChildType.Limit, LimitReference = (TwapLimitReference)7, LimitOffsetTicks = -2_000_000, LimitCapTicks = -1 }.Validate("twap", errors);

        Assert.That(errors, Has.Count.EqualTo(3));
        Assert.That(errors, Has.One.StartsWith("twap.limitReference: '7'"));
        Assert.That(errors, Has.One.StartsWith("twap.limitOffsetTicks: -2000000"));
        Assert.That(errors, Has.One.StartsWith("twap.limitCapTicks: -1"));
    }

    [Test]
    public void Constructor_TotalNotWholeLots_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new TwapFixture(o => o.TotalQuantity = 1_005, r => r.Defaults.LotSize = 10));

        Assert.That(e!.Message, Does.Contain("twap.totalQuantity: 1005 is not a multiple of instrument 0's lotSize (10)"));
    }

    [Test]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var f = new TwapFixture();

        var e = Assert.Throws<ArgumentException>(() => new TwapExecutor(new TwapOptions { InstrumentId = 2, Slices = 0 }, f.Books, f.Risk, f.Router));

        Assert.That(e!.Message, Does.Contain("twap.instrumentId: 2 is outside 0..1").And.Contain("twap.slices: 0"));
    }
}
