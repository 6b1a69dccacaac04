using Engine.Config;
using Engine.Pipeline;
using Engine.Ring;
using Feeds.Synthetic;

namespace Engine.Tests.Config;

public sealed class EngineOptionsTests
{
    [Test]
    public void Validate_Defaults_ReportsNothing()
    {
        Assert.That(new EngineOptions().Validate(), Is.Empty);
    }

    [Test]
    public void Validate_SingleProducerWithSeveralFeedThreads_ReportsProducers()
    {
        var options = new EngineOptions
        {
            Ring = new RingOptions { Producers = ProducerType.Single },
            Synthetic = new SyntheticFeedOptions { Threads = 2 },
        };

        Assert.That(options.Validate(), Is.EqualTo(new[] { "ring.producers: Single cannot serve synthetic.threads = 2; use Multi" }));
    }

    [Test]
    public void Validate_SingleProducerWithOneFeedThread_ReportsNothing()
    {
        var options = new EngineOptions { Ring = new RingOptions { Producers = ProducerType.Single } };

        Assert.That(options.Validate(), Is.Empty);
    }

    [TestCase(-1)]
    [TestCase(3_600_001)]
    public void Validate_StatusIntervalOutOfRange_ReportsIt(int intervalMs)
    {
        var options = new EngineOptions { StatusIntervalMs = intervalMs };

        Assert.That(options.Validate(), Has.One.StartsWith("statusIntervalMs:"));
    }

    [Test]
    public void Validate_ProblemsInEverySection_ReportsAllAtOnce()
    {
        var options = new EngineOptions
        {
            Ring = new RingOptions { Slots = 100 },
            Pipeline = new PipelineOptions { ShutdownTimeoutMs = 0 },
            Synthetic = new SyntheticFeedOptions { Instruments = 0 },
            StatusIntervalMs = -5,
        };

        var problems = options.Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Has.Some.StartsWith("ring.slots:"));
            Assert.That(problems, Has.Some.StartsWith("pipeline.shutdownTimeoutMs:"));
            Assert.That(problems, Has.Some.StartsWith("synthetic.instruments:"));
            Assert.That(problems, Has.Some.StartsWith("statusIntervalMs:"));
        }
    }
}
