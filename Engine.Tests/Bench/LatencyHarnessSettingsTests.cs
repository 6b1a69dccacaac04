using Engine.Bench.Latency;
using Engine.Ring.WaitStrategies;

namespace Engine.Tests.Bench;

/// <summary>The command line of <c>bench latency</c> and <c>bench throughput</c>.</summary>
public sealed class LatencyHarnessSettingsTests
{
    [Test]
    public void Parse_NoArguments_GivesTheDefaults()
    {
        var settings = LatencyHarnessSettings.Parse([]);

        Assert.That(settings, Is.EqualTo(LatencyHarnessSettings.Default));
        Assert.That(settings!.RatePerSecond, Is.EqualTo(1_000_000));
        Assert.That(settings.WaitStrategies, Is.EqualTo(new[] { WaitStrategyKind.BusySpin }));
        Assert.That(settings.Strategy, Is.EqualTo(BenchPipeline.EveryNth));
        Assert.That(settings.ProducerYieldEveryUs, Is.EqualTo(50));
        Assert.That((settings.Segments, settings.Duration, settings.RingDuration), Is.EqualTo((5, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2))));
    }

    [Test]
    public void Parse_EveryOption_SetsIt()
    {
        var settings = LatencyHarnessSettings.Parse(["--rate", "250000", "--duration-s", "2.5", "--warmup-s", "1", "--wait", "yielding", "--out", "/tmp/x", "--strategy", "everynth", "--order-every", "7", "--ring-slots", "4096", "--yield-every-us", "20", "--runs", "3", "--segments", "4"]);

        Assert.That(settings, Is.Not.Null);
        Assert.That(settings!.RatePerSecond, Is.EqualTo(250_000));
        Assert.That(settings.Duration, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
        Assert.That(settings.Warmup, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(settings.WaitStrategies, Is.EqualTo(new[] { WaitStrategyKind.Yielding }));
        Assert.That(settings.OutputDirectory, Is.EqualTo("/tmp/x"));
        Assert.That(settings.Strategy, Is.EqualTo(BenchPipeline.EveryNth));
        Assert.That(settings.OrderEvery, Is.EqualTo(7));
        Assert.That(settings.RingSlots, Is.EqualTo(4_096));
        Assert.That(settings.ProducerYieldEveryUs, Is.EqualTo(20));
        Assert.That(settings.Runs, Is.EqualTo(3));
        Assert.That(settings.Segments, Is.EqualTo(4));
    }

    [Test]
    public void Parse_WaitAll_ComparesEveryWaitStrategyHeadedByBusySpin()
    {
        var settings = LatencyHarnessSettings.Parse(["--wait", "all"]);

        Assert.That(settings!.WaitStrategies, Is.EqualTo(Enum.GetValues<WaitStrategyKind>()));
        Assert.That(settings.WaitStrategies[0], Is.EqualTo(WaitStrategyKind.BusySpin));
    }

    [Test]
    public void Parse_Quick_ShortensTheRunsButKeepsTheRate()
    {
        var settings = LatencyHarnessSettings.Parse(["--quick", "--rate", "500000"]);

        Assert.That(settings!.Duration, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(settings.Warmup, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(settings.RatePerSecond, Is.EqualTo(500_000));
    }

    [TestCase("--rate", "0")]
    [TestCase("--rate", "-5")]
    [TestCase("--rate", "fast")]
    [TestCase("--duration-s", "0")]
    [TestCase("--wait", "Spinning")]
    [TestCase("--strategy", "None")]
    [TestCase("--strategy", "Plugin")]
    [TestCase("--strategy", "Nope")]
    [TestCase("--order-every", "0")]
    [TestCase("--ring-slots", "5000")]
    [TestCase("--ring-slots", "512")]
    [TestCase("--runs", "0")]
    [TestCase("--runs", "21")]
    [TestCase("--segments", "0")]
    [TestCase("--segments", "101")]
    [TestCase("--bogus", "1")]
    public void Parse_BadOption_ReturnsNull(string name, string value)
    {
        Assert.That(LatencyHarnessSettings.Parse([name, value]), Is.Null);
    }

    [Test]
    public void Parse_OptionWithoutItsValue_ReturnsNull()
    {
        Assert.That(LatencyHarnessSettings.Parse(["--rate"]), Is.Null);
    }

    [Test]
    public void ThroughputParse_NoArguments_GivesTheDefaults()
    {
        Assert.That(ThroughputHarnessSettings.Parse([]), Is.EqualTo(ThroughputHarnessSettings.Default));
    }

    [Test]
    public void ThroughputParse_QuickAndOptions_SetsThem()
    {
        var settings = ThroughputHarnessSettings.Parse(["--quick", "--steps", "2", "--wait", "Yielding", "--events", "5000"]);

        Assert.That(settings, Is.Not.Null);
        Assert.That(settings!.Steps, Is.EqualTo(2));
        Assert.That(settings.Wait, Is.EqualTo(WaitStrategyKind.Yielding));
        Assert.That(settings.UnpacedEvents, Is.EqualTo(5_000));
        Assert.That(settings.TrialDuration, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [TestCase("--steps", "0")]
    [TestCase("--events", "10")]
    [TestCase("--wait", "all")]
    [TestCase("--rate", "1000")]
    public void ThroughputParse_BadOption_ReturnsNull(string name, string value)
    {
        Assert.That(ThroughputHarnessSettings.Parse([name, value]), Is.Null);
    }
}
