using System.Diagnostics;
using System.Text.Json;
using Engine.Tests.Support;

namespace Engine.Tests.Backtest;

/// <summary><c>engine backtest</c> as an operator runs it: a real process, its exit code, its files and its last stdout line.</summary>
public sealed class BacktestProcessTests
{
    [Test]
    public void Backtest_LobsterPair_Exit0FilesWrittenLastLineJson()
    {
        string folder = Directory.CreateTempSubdirectory("backtest-process-").FullName;
        try
        {
            var (code, stdout, stderr) = Run("--data", BacktestFixture.Lobster("message"), "--orderbook", BacktestFixture.Lobster("orderbook"), "--format", "lobster", "--out", folder);

            Assert.That(code, Is.Zero, stderr);
            Assert.That(File.Exists(Path.Combine(folder, "report.json")) && File.Exists(Path.Combine(folder, "equity.png")), Is.True);
            using var summary = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
            Assert.That(summary.RootElement.GetProperty("events").GetInt64(), Is.GreaterThan(999), "level changes and trades of 999 messages");
            Assert.That(summary.RootElement.GetProperty("strategy").GetString(), Is.EqualTo("MarketMaker"), "the shipped config's strategy");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Backtest_UnknownFormat_Exit64WithUsageOnStderr()
    {
        var (code, stdout, stderr) = Run("--data", BacktestFixture.Itch, "--format", "csv");

        Assert.That(code, Is.EqualTo(64));
        Assert.That(stderr, Does.Contain("--format must be lobster, itch or kraken, got 'csv'").And.Contain("usage: engine backtest"));
        Assert.That(stdout, Is.Empty);
    }

    [Test]
    public void Backtest_ThroughRunShFromAnotherFolder_PathsAreTheCallersAndStdoutIsTheReport()
    {
        string folder = Directory.CreateTempSubdirectory("backtest-caller-").FullName;
        try
        {
            File.Copy(BacktestFixture.Lobster("message"), Path.Combine(folder, "messages.csv"));
            var start = Start("bash", folder);
            start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root(), "run.sh"));
            var (code, stdout, stderr) = Exec(start, "backtest", "--data", "messages.csv", "--format", "lobster", "--out", "out");

            Assert.That(code, Is.Zero, stderr);
            Assert.That(File.Exists(Path.Combine(folder, "out", "report.json")), Is.True, "--data and --out relative to where run.sh was called");
            Assert.That(stdout, Does.Not.Contain("Build succeeded"), "the build's output goes to stderr");
            using var summary = JsonDocument.Parse(stdout.TrimEnd().Split('\n')[^1]);
            Assert.That(summary.RootElement.GetProperty("data").GetString(), Is.EqualTo("messages.csv"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = Start("dotnet", Environment.CurrentDirectory);
        // The engine's own build output, same configuration as the tests (bin/<configuration>/<tfm>).
        var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root(), "Engine", "bin", testDirectory.Parent!.Name, testDirectory.Name, "Engine.dll"));
        return Exec(start, ["backtest", .. args]);
    }

    private static ProcessStartInfo Start(string program, string directory) =>
        new(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };

    private static (int Code, string Stdout, string Stderr) Exec(ProcessStartInfo start, params string[] args)
    {
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TestTimeouts.Join))
        {
            process.Kill();
            Assert.Fail("the backtest did not end in time");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
