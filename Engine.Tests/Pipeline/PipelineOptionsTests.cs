using System.Runtime;
using Engine.Pipeline;

namespace Engine.Tests.Pipeline;

public sealed class PipelineOptionsTests
{
    private static List<string> Validate(PipelineOptions options)
    {
        var errors = new List<string>();
        options.Validate("pipeline", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_ReportsNothing()
    {
        Assert.That(Validate(new PipelineOptions()), Is.Empty);
    }

    [TestCase(GCLatencyMode.LowLatency)]
    [TestCase(GCLatencyMode.NoGCRegion)]
    [TestCase((GCLatencyMode)42)]
    public void Validate_GcLatencyModeThatCannotHoldForARun_ReportsIt(GCLatencyMode mode)
    {
        Assert.That(Validate(new PipelineOptions { GcLatencyMode = mode }), Has.Some.StartsWith("pipeline.gcLatencyMode:"));
    }

    [TestCase(GCLatencyMode.Batch)]
    [TestCase(GCLatencyMode.Interactive)]
    public void Validate_GcLatencyModeForARun_IsAccepted(GCLatencyMode mode)
    {
        Assert.That(Validate(new PipelineOptions { GcLatencyMode = mode }), Is.Empty);
    }

    [TestCase(99)]
    [TestCase(600_001)]
    public void Validate_ShutdownTimeoutOutOfRange_ReportsIt(int timeoutMs)
    {
        Assert.That(Validate(new PipelineOptions { ShutdownTimeoutMs = timeoutMs }), Has.Some.StartsWith("pipeline.shutdownTimeoutMs:"));
    }

    [TestCase(-1)]
    [TestCase(1_001)]
    public void Validate_TickOutOfRange_ReportsIt(int tickMs)
    {
        Assert.That(Validate(new PipelineOptions { TickMs = tickMs }), Has.Some.StartsWith("pipeline.tickMs:"));
    }

    [TestCase(0)]
    [TestCase(1_000)]
    public void Validate_TickOffOrAtItsLongest_IsAccepted(int tickMs)
    {
        Assert.That(Validate(new PipelineOptions { TickMs = tickMs }), Is.Empty);
    }

    [Test]
    public void Validate_UndefinedFaultPolicy_ReportsIt()
    {
        Assert.That(Validate(new PipelineOptions { FaultPolicy = (FaultPolicy)7 }), Has.Some.StartsWith("pipeline.faultPolicy:"));
    }

    [Test]
    public void Validate_BadThreadOptions_ReportsThemUnderThread()
    {
        var errors = Validate(new PipelineOptions { Thread = new LoopThreadOptions { Nice = 50 } });

        Assert.That(errors, Has.Some.StartsWith("pipeline.thread.nice:"));
    }
}
