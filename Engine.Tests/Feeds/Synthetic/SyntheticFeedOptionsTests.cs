using Feeds.Synthetic;

namespace Engine.Tests.Feeds.Synthetic;

public sealed class SyntheticFeedOptionsTests
{
    private static List<string> Validate(SyntheticFeedOptions options)
    {
        var errors = new List<string>();
        options.Validate("synthetic", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_ReportsNothing()
    {
        Assert.That(Validate(new SyntheticFeedOptions()), Is.Empty);
    }

    [TestCase(0)]
    [TestCase(10_001)]
    public void Validate_InstrumentsOutOfRange_ReportsInstruments(int instruments)
    {
        Assert.That(Validate(new SyntheticFeedOptions { Instruments = instruments, Threads = 1 }), Has.Some.StartsWith("synthetic.instruments:"));
    }

    [TestCase(0, 4)]
    [TestCase(17, 100)]
    [TestCase(5, 4)]
    public void Validate_ThreadsOutOfRangeOrAboveInstruments_ReportsThreads(int threads, int instruments)
    {
        Assert.That(Validate(new SyntheticFeedOptions { Threads = threads, Instruments = instruments }), Has.Some.StartsWith("synthetic.threads:"));
    }

    [TestCase(-1)]
    [TestCase(1_000_000_001)]
    public void Validate_RateOutOfRange_ReportsRate(long rate)
    {
        Assert.That(Validate(new SyntheticFeedOptions { RateEventsPerSecond = rate }), Has.Some.StartsWith("synthetic.rateEventsPerSecond:"));
    }

    [Test]
    public void Validate_NegativeMaxEvents_ReportsMaxEvents()
    {
        Assert.That(Validate(new SyntheticFeedOptions { MaxEventsPerThread = -1 }), Has.Some.StartsWith("synthetic.maxEventsPerThread:"));
    }
}
