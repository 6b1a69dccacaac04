using Engine.Pipeline;

namespace Engine.Tests.Pipeline;

public sealed class LoopThreadOptionsTests
{
    private static List<string> Validate(LoopThreadOptions options)
    {
        var errors = new List<string>();
        options.Validate("pipeline.thread", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_ReportsNothing()
    {
        Assert.That(Validate(new LoopThreadOptions()), Is.Empty);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("sixteen-chars-xx")]
    public void Validate_NameEmptyOrLongerThanLinuxLimit_ReportsName(string name)
    {
        Assert.That(Validate(new LoopThreadOptions { Name = name }), Has.Some.StartsWith("pipeline.thread.name:"));
    }

    [Test]
    public void Validate_FifteenCharacterName_ReportsNothing()
    {
        Assert.That(Validate(new LoopThreadOptions { Name = "fifteen-chars-x" }), Is.Empty);
    }

    [Test]
    public void Validate_CpusOutOfRange_ReportsEachByIndex()
    {
        var errors = Validate(new LoopThreadOptions { CpuSet = [1, -1, 1024] });

        Assert.That(errors, Is.EqualTo(new[]
        {
            "pipeline.thread.cpuSet[1]: -1 is outside 0..1023",
            "pipeline.thread.cpuSet[2]: 1024 is outside 0..1023",
        }));
    }

    [TestCase(-21)]
    [TestCase(20)]
    public void Validate_NiceOutOfRange_ReportsNice(int nice)
    {
        Assert.That(Validate(new LoopThreadOptions { Nice = nice }), Has.Some.StartsWith("pipeline.thread.nice:"));
    }
}
