namespace Engine.Tests.Host;

// Inside the namespace, so it wins over BenchmarkDotNet's global CommandLine namespace (the tests reference Engine.Bench).
using CommandLine = Engine.Host.CommandLine;

public sealed class CommandLineTests
{
    [Test]
    public void Parse_NoArguments_RunsDefaultConfigUntilSignalled()
    {
        var commandLine = CommandLine.Parse([], out string? error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(commandLine, Is.EqualTo(new CommandLine("run", CommandLine.DefaultConfigPath, 0)));
        }
    }

    [Test]
    public void Parse_CheckConfigWithPath_ReadsBoth()
    {
        var commandLine = CommandLine.Parse(["check-config", "--config", "/tmp/x.json"], out string? error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(commandLine, Is.EqualTo(new CommandLine("check-config", "/tmp/x.json", 0)));
        }
    }

    [Test]
    public void Parse_Duration_ReadsSeconds()
    {
        var commandLine = CommandLine.Parse(["run", "--duration-s", "10"], out _);

        Assert.That(commandLine?.DurationSeconds, Is.EqualTo(10));
    }

    [Test]
    public void Parse_EnvFlag_NamesTheEnvironment()
    {
        var commandLine = CommandLine.Parse(["check-config", "--env", "production"], out string? error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(commandLine, Is.EqualTo(new CommandLine("check-config", CommandLine.DefaultConfigPath, 0, "production")));
        }
    }

    [TestCase("--duration-s", "-1")]
    [TestCase("--env")]
    [TestCase("--env", " ")]
    [TestCase("--duration-s", "ten")]
    [TestCase("--duration-s")]
    [TestCase("--config")]
    [TestCase("--verbose")]
    [TestCase("--config", "a.json", "run")]
    public void Parse_BadArguments_ReturnsNullWithUsage(params string[] args)
    {
        var commandLine = CommandLine.Parse(args, out string? error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(commandLine, Is.Null);
            Assert.That(error, Does.Contain(CommandLine.Usage));
        }
    }
}
