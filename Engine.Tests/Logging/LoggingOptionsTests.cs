using Engine.Config;
using Engine.Logging;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Logging;

/// <summary>The <c>logging</c> section's validation rules, each with its key path.</summary>
public sealed class LoggingOptionsTests
{
    [Test]
    public void Validate_Defaults_AreValid()
    {
        var errors = new List<string>();
        new LoggingOptions().Validate("logging", errors);

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Validate_EveryBadValue_IsReportedWithItsKeyPath()
    {
        var options = new LoggingOptions
        {
            Format = (LogFormat)9,
            MinimumLevel = (LogLevel)42,
            Levels = new() { [" "] = LogLevel.Debug, ["Engine.Venues"] = (LogLevel)17 },
            File = new LogFileOptions { Path = " engine.log", MaxBytes = 10, MaxFiles = 0 },
            QueueSlots = 1000,
        };
        var errors = new List<string>();

        options.Validate("logging", errors);

        Assert.That(errors, Has.Count.EqualTo(8));
        Assert.That(errors, Has.One.StartsWith("logging.format: 9 is not Json or Text"));
        Assert.That(errors, Has.One.StartsWith("logging.minimumLevel: 42 is not a level"));
        Assert.That(errors, Has.One.StartsWith("logging.levels: ' ' is not a category prefix"));
        Assert.That(errors, Has.One.StartsWith("logging.levels.Engine.Venues: 17 is not a level"));
        Assert.That(errors, Has.One.StartsWith("logging.file.maxBytes: 10 is outside 1024.."));
        Assert.That(errors, Has.One.StartsWith("logging.file.maxFiles: 0 is outside 1..1000"));
        Assert.That(errors, Has.One.StartsWith("logging.file.path: ' engine.log' is not a file path"));
        Assert.That(errors, Has.One.StartsWith("logging.queueSlots: 1000 is not a power of two in 64..1048576"));
    }

    [TestCase(32)]
    [TestCase(2 << 20)]
    public void Validate_QueueSlotsOutOfRange_IsReported(int slots)
    {
        var errors = new List<string>();
        new LoggingOptions { QueueSlots = slots }.Validate("logging", errors);

        Assert.That(errors, Is.EqualTo(new[] { $"logging.queueSlots: {slots} is not a power of two in 64..1048576" }));
    }

    [Test]
    public void Parse_LoggingSection_ReadsLevelsByNameAndRejectsUnknownKeysAndLevels()
    {
        var options = ConfigLoader.Parse("""{ "logging": { "format": "Text", "minimumLevel": "Warning", "levels": { "Engine.Venues": "Debug" }, "file": { "path": "/var/log/engine/engine.log" } } }""", "test");

        Assert.That(options.Logging.Format, Is.EqualTo(LogFormat.Text));
        Assert.That(options.Logging.MinimumLevel, Is.EqualTo(LogLevel.Warning));
        Assert.That(options.Logging.Levels["Engine.Venues"], Is.EqualTo(LogLevel.Debug));
        Assert.That(options.Logging.File.MaxBytes, Is.EqualTo(100L * 1024 * 1024), "omitted keys keep their defaults");
        Assert.That(() => ConfigLoader.Parse("""{ "logging": { "levle": "Debug" } }""", "test"), Throws.TypeOf<ConfigException>().With.Message.Contains("levle"));
        Assert.That(() => ConfigLoader.Parse("""{ "logging": { "minimumLevel": "Loud" } }""", "test"), Throws.TypeOf<ConfigException>().With.Message.Contains("logging.minimumLevel"));
    }
}
