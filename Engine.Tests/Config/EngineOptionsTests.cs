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
    public void Validate_SingleProducer_ReportsProducers()
    {
        var options = new EngineOptions { Ring = new RingOptions { Producers = ProducerType.Single } };

        Assert.That(options.Validate(), Is.EqualTo(new[] { "ring.producers: Single cannot serve the engine: feed threads and the control thread (reload, kill) both publish; use Multi" }));
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
