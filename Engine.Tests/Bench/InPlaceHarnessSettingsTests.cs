using Engine.Bench.Latency;

namespace Engine.Tests.Bench;

/// <summary>The command line of <c>bench inplace</c>.</summary>
public sealed class InPlaceHarnessSettingsTests
{
    [Test]
    public void Parse_NoArguments_GivesTheDefaults()
    {
        var settings = InPlaceHarnessSettings.Parse([]);

        Assert.That(settings, Is.EqualTo(InPlaceHarnessSettings.Default));
        Assert.That((settings!.Runs, settings.Events, settings.Rate, settings.OrderEvery), Is.EqualTo((3, 3_000_000L, 1_000_000L, 100)));
    }

    [Test]
    public void Parse_EveryOption_SetsIt()
    {
        var settings = InPlaceHarnessSettings.Parse(["--runs", "5", "--events", "600000", "--rate", "250000", "--order-every", "10"]);

        Assert.That(settings, Is.EqualTo(new InPlaceHarnessSettings(5, 600_000, 250_000, 10)));
    }

    [Test]
    public void Parse_Quick_RunsOnceOnFewerEventsAtTheSameRate()
    {
        var settings = InPlaceHarnessSettings.Parse(["--quick"]);

        Assert.That(settings!.Runs, Is.EqualTo(1));
        Assert.That(settings.Events, Is.LessThan(InPlaceHarnessSettings.Default.Events));
        Assert.That(settings.Rate, Is.EqualTo(InPlaceHarnessSettings.Default.Rate));
    }

    [TestCase("--runs", "0")]
    [TestCase("--runs", "101")]
    [TestCase("--events", "2")]
    [TestCase("--rate", "-5")]
    [TestCase("--rate", "20000000")]
    [TestCase("--order-every", "x")]
    [TestCase("--order-every")]
    [TestCase("--wait", "BusySpin")]
    public void Parse_AnUnknownOrOutOfRangeOption_IsRefused(params string[] args) =>
        Assert.That(InPlaceHarnessSettings.Parse(args), Is.Null);
}
