using Engine.Venues.Paper;

namespace Engine.Tests.Venues.Paper;

public sealed class PaperVenueOptionsTests
{
    private static List<string> Errors(PaperVenueOptions options)
    {
        var errors = new List<string>();
        options.Validate("venues.paper", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_ReportNothing() => Assert.That(Errors(new PaperVenueOptions()), Is.Empty);

    [Test]
    public void Validate_EveryBadKey_IsReportedAtOnceWithItsPath()
    {
        var options = new PaperVenueOptions
        {
            EntryLatencyUs = -1, ReportLatencyUs = PaperVenueOptions.MaxLatencyUs + 1, TakerFeeCentiBps = -1,
            MakerFeeCentiBps = PaperVenueOptions.MaxFeeCentiBps + 1, MaxRestingOrders = 0, MaxHeldCommands = 0,
            MaxHeldReports = 0, MaxTakenLevels = 0, RememberedFinalOrders = PaperVenueOptions.MaxCapacity + 1,
        };

        var errors = Errors(options);

        Assert.That(errors, Has.Count.EqualTo(9));
        Assert.That(errors, Has.One.EqualTo("venues.paper.entryLatencyUs: -1 is outside 0..60000000"));
        Assert.That(errors, Has.One.StartsWith("venues.paper.reportLatencyUs: 60000001"));
        Assert.That(errors, Has.One.StartsWith("venues.paper.takerFeeCentiBps: -1"));
        Assert.That(errors, Has.One.StartsWith("venues.paper.makerFeeCentiBps: 100001"));
        Assert.That(errors, Has.One.StartsWith("venues.paper.maxRestingOrders: 0"));
        Assert.That(errors, Has.One.StartsWith("venues.paper.maxHeldCommands: 0"));
        Assert.That(errors, Has.One.StartsWith("venues.paper.maxHeldReports: 0"));
        Assert.That(errors, Has.One.StartsWith("venues.paper.maxTakenLevels: 0"));
        Assert.That(errors, Has.One.StartsWith("venues.paper.rememberedFinalOrders: 4194305"));
    }

    [Test]
    public void Validate_RebateAboveTheTakerFee_IsRefused()
    {
        Assert.That(Errors(new PaperVenueOptions { TakerFeeCentiBps = 20, MakerFeeCentiBps = -20 }), Is.Empty);
        Assert.That(Errors(new PaperVenueOptions { TakerFeeCentiBps = 20, MakerFeeCentiBps = -21 }).Single(), Does.StartWith("venues.paper.makerFeeCentiBps: a rebate of 21 exceeds takerFeeCentiBps (20)"));
    }
}
