using Engine.Risk;

namespace Engine.Tests.Risk;

public sealed class BreakerOptionsTests
{
    private static List<string> Validate(BreakerOptions options)
    {
        var errors = new List<string>();
        options.Validate("risk.breaker", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_ReportsNothing()
    {
        Assert.That(Validate(new BreakerOptions()), Is.Empty);
    }

    [Test]
    public void Validate_EveryKeyWrong_ReportsEveryKeyAtOnce()
    {
        var options = new BreakerOptions
        {
            CoolDownMs = 0,
            MaxRejects = 0,
            RejectWindowMs = -1,
            MaxErrors = 100_001,
            ErrorWindowMs = 0,
            ProbeMaxQuantity = 0,
            ProbeMaxNotionalCents = 0,
            ProbeTimeoutMs = 0,
            SessionStart = "9:30am",
            TimeZone = "Nowhere/Special",
            EventLogCapacity = 1000,
        };

        var errors = Validate(options);

        Assert.That(errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]), Is.EqualTo(new[]
        {
            "risk.breaker.coolDownMs", "risk.breaker.maxRejects", "risk.breaker.rejectWindowMs", "risk.breaker.maxErrors",
            "risk.breaker.errorWindowMs", "risk.breaker.probeMaxQuantity", "risk.breaker.probeMaxNotionalCents",
            "risk.breaker.probeTimeoutMs", "risk.breaker.sessionStart", "risk.breaker.timeZone", "risk.breaker.eventLogCapacity",
        }));
    }

    [Test]
    public void Validate_CoolDownOutOfRange_GivesValueAndRange()
    {
        Assert.That(Validate(new BreakerOptions { CoolDownMs = 0 }), Is.EqualTo(new[] { "risk.breaker.coolDownMs: 0 is outside 1..86400000" }));
    }

    [TestCase("24:00")]
    [TestCase("09:30:00")]
    [TestCase("")]
    public void Validate_SessionStartNotHhMm_ReportsSessionStart(string start)
    {
        Assert.That(Validate(new BreakerOptions { SessionStart = start }), Has.Some.StartsWith("risk.breaker.sessionStart:"));
    }

    [TestCase("00:00")]
    [TestCase("23:59")]
    public void Validate_SessionStartEdges_ReportsNothing(string start)
    {
        Assert.That(Validate(new BreakerOptions { SessionStart = start }), Is.Empty);
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Validate_BlankTimeZone_ReportsTimeZone(string zone)
    {
        Assert.That(Validate(new BreakerOptions { TimeZone = zone }), Has.Some.StartsWith("risk.breaker.timeZone:"));
    }
}
