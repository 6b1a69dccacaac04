using Engine.Ring;
using Engine.Ring.WaitStrategies;

namespace Engine.Tests.Ring;

public sealed class RingOptionsTests
{
    private static List<string> Validate(RingOptions options)
    {
        var errors = new List<string>();
        options.Validate("ring", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_ReportsNothing()
    {
        Assert.That(Validate(new RingOptions()), Is.Empty);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(1000)]
    [TestCase(1 << 27)]
    public void Validate_SlotsNotPowerOfTwoInRange_ReportsSlots(int slots)
    {
        var errors = Validate(new RingOptions { Slots = slots, MaxBatchSize = 1 });

        Assert.That(errors, Has.Some.StartsWith("ring.slots:"));
    }

    [Test]
    public void Validate_MaxBatchSizeAboveSlots_ReportsMaxBatchSize()
    {
        var errors = Validate(new RingOptions { Slots = 1024, MaxBatchSize = 2048 });

        Assert.That(errors, Is.EqualTo(new[] { "ring.maxBatchSize: 2048 must be 1..slots (1024)" }));
    }

    [Test]
    public void Validate_MaxBatchSizeZero_ReportsMaxBatchSize()
    {
        Assert.That(Validate(new RingOptions { MaxBatchSize = 0 }), Has.Some.StartsWith("ring.maxBatchSize:"));
    }

    [Test]
    public void Validate_UndefinedEnums_ReportsBoth()
    {
        var errors = Validate(new RingOptions { Producers = (ProducerType)9, WaitStrategy = (WaitStrategyKind)9 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Has.Some.StartsWith("ring.producers:"));
            Assert.That(errors, Has.Some.StartsWith("ring.waitStrategy:"));
        }
    }
}
