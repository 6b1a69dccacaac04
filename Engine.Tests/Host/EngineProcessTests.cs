using System.Collections.Concurrent;
using System.Diagnostics;
using Engine.Tests.Backtest;
using Engine.Tests.Strategies.Plugins;
using Engine.Tests.Support;

namespace Engine.Tests.Host;

/// <summary>The engine as an operator runs it: a real process, real signals.</summary>
public sealed class EngineProcessTests
{
    private const string Config = """
        {
          "ring": { "slots": 1024, "maxBatchSize": 256, "waitStrategy": "Sleeping" },
          "pipeline": { "thread": { "name": "process-test", "cpuSet": [], "nice": 0 } },
          "synthetic": { "rateEventsPerSecond": 1000 },
          "risk": { "maxDailyLossCents": 1000 },
          "metrics": { "port": 0 },
          "statusIntervalMs": 0
        }
        """;

    [Test]
    public void Sighup_ValidThenInvalidConfig_ReloadsThenRefusesAndSigtermStopsCleanly()
    {
        string path = Path.Combine(Path.GetTempPath(), $"engine-process-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Config);
        var lines = new ConcurrentQueue<string>();
        using var engine = Start(path, lines);
        try
        {
            WaitForLine(lines, "Starting:");

            File.WriteAllText(path, Config.Replace("\"maxDailyLossCents\": 1000", "\"maxDailyLossCents\": 2500", StringComparison.Ordinal));
            Signal(engine, "HUP");
            WaitForLine(lines, "the new risk limits go to the loop");

            File.WriteAllText(path, Config.Replace("\"maxDailyLossCents\": 1000", "\"maxDailyLossCents\": -5", StringComparison.Ordinal));
            Signal(engine, "HUP");
            WaitForLine(lines, "risk.maxDailyLossCents: -5 is outside");

            Signal(engine, "TERM");
            Assert.That(engine.WaitForExit(TestTimeouts.Join), Is.True, "the engine stops on SIGTERM");
            Assert.That(engine.ExitCode, Is.Zero, string.Join(Environment.NewLine, lines));
            Assert.That(lines, Has.Some.StartsWith("summary "));
        }
        finally
        {
            if (!engine.HasExited)
            {
                engine.Kill();
            }
            File.Delete(path);
        }
    }

    [Test]
    public void NotifySocket_SetBySystemd_GetsReadyWatchdogAndStopping()
    {
        string folder = Directory.CreateTempSubdirectory("engine-notify-").FullName;
        string path = Path.Combine(folder, "engine.json");
        string socketPath = Path.Combine(folder, "notify.sock");
        File.WriteAllText(path, Config.Replace("\"statusIntervalMs\": 0", "\"statusIntervalMs\": 200", StringComparison.Ordinal));
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
        socket.ReceiveTimeout = (int)TestTimeouts.Join.TotalMilliseconds;
        var lines = new ConcurrentQueue<string>();
        using var engine = Start(path, lines, ("NOTIFY_SOCKET", socketPath), durationSeconds: 2);
        try
        {
            var messages = new List<string>();
            var buffer = new byte[256];
            while (!messages.Contains("STOPPING=1"))
            {
                int read = socket.Receive(buffer);
                messages.Add(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
            }

            Assert.That(messages[0], Is.EqualTo("READY=1"));
            Assert.That(messages, Has.Some.EqualTo("WATCHDOG=1"));
            Assert.That(engine.WaitForExit(TestTimeouts.Join), Is.True);
            Assert.That(engine.ExitCode, Is.Zero, string.Join(Environment.NewLine, lines));
        }
        finally
        {
            if (!engine.HasExited)
            {
                engine.Kill();
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Duration_StatusIntervalLonger_StopsAfterTheDurationNotAtTheNextStatusLine()
    {
        var (exitCode, lines) = RunToExit(Config.Replace("\"statusIntervalMs\": 0", "\"statusIntervalMs\": 60000", StringComparison.Ordinal),
            TestTimeouts.Join, "the engine stops after its one second", durationSeconds: 1);

        string summary = lines.Single(line => line.StartsWith("summary ", StringComparison.Ordinal));
        double ranSeconds = double.Parse(summary.Split(' ').Single(field => field.StartsWith("run_s=", StringComparison.Ordinal))["run_s=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, string.Join(Environment.NewLine, lines));
            Assert.That(ranSeconds, Is.InRange(1.0, 2.0));
        }
    }

    [Test]
    public void MetricsPortInUse_RefusesToStartWithAClearErrorAndExitCode1()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        squatter.Start();
        int port = ((System.Net.IPEndPoint)squatter.LocalEndpoint).Port;
        var (exitCode, lines) = RunToExit(Config.Replace("\"metrics\": { \"port\": 0 }", $"\"metrics\": {{ \"port\": {port} }}", StringComparison.Ordinal),
            TestTimeouts.Join, "the engine gives up at once");

        Assert.That(exitCode, Is.EqualTo(1), string.Join(Environment.NewLine, lines));
        Assert.That(lines, Has.Some.StartsWith("cannot start:").And.Contain("address"));
        Assert.That(lines, Has.None.Contains("Unhandled exception"));
    }

    [Test]
    public void AlpacaFeedWithoutCredentials_RefusesToStartNamingTheVariablesAndExitCode1()
    {
        string config = Config.Replace("\"statusIntervalMs\": 0", """
            "statusIntervalMs": 0,
            "feeds": { "alpaca": { "enabled": true, "url": "ws://127.0.0.1:1/v2/iex", "trades": ["AAPL"] } }
            """, StringComparison.Ordinal);

        var (exitCode, lines) = RunToExit(config, TestTimeouts.Join, "the engine gives up at once", withoutAlpacaCredentials: true);

        Assert.That(exitCode, Is.EqualTo(1), string.Join(Environment.NewLine, lines));
        Assert.That(lines, Has.Some.StartsWith("Missing credentials:").And.Contain("APCA_API_KEY_ID").And.Contain("APCA_API_SECRET_KEY"));
        Assert.That(lines, Has.None.Contains("Unhandled exception"));
    }

    [Test]
    public void ReplayWithUnknownOrders_LogsTheBookErrorsByKindAndRunsOn()
    {
        string config = Config
            .Replace("\"rateEventsPerSecond\": 1000", "\"rateEventsPerSecond\": 1000, \"instruments\": 2", StringComparison.Ordinal)
            .Replace("\"statusIntervalMs\": 0", $$"""
                "statusIntervalMs": 0,
                "feeds": { "replay": { "enabled": true, "format": "Itch", "path": "{{BacktestFixture.Itch}}", "speed": 0 } }
                """, StringComparison.Ordinal);

        var (exitCode, lines) = RunToExit(config, TestTimeouts.LongRun, "the engine runs its three seconds", durationSeconds: 3);

        Assert.That(exitCode, Is.Zero, string.Join(Environment.NewLine, lines));
        // The file refers to orders it never added (the sample is cut from a day's feed).
        Assert.That(lines, Has.Some.Contains("The books could not apply").And.Contain("market events exactly since the last check: UnknownOrder "));
        Assert.That(lines, Has.Some.StartsWith("summary ").And.Contain("lost=0").And.Not.Contain("book_errors=0 "));
    }

    [Test]
    public void StrategyPlugin_FromAnAssemblyOfTheUsers_TradesInTheEngineProcess()
    {
        // The engine ships without this test assembly: it loads it in a context of its own and lends it Engine.dll.
        var (exitCode, lines) = RunToExit(WithPlugin(typeof(MidMomentumPlugin).FullName!), TestTimeouts.LongRun, "the engine runs its three seconds", durationSeconds: 3);

        Assert.That(exitCode, Is.Zero, string.Join(Environment.NewLine, lines));
        Assert.That(lines, Has.Some.Contains($"Strategy MidMomentum: plugin {typeof(MidMomentumPlugin).FullName} from {typeof(MidMomentumPlugin).Assembly.Location} (Engine.Tests 1.0.0.0)"));
        string summary = lines.Single(line => line.StartsWith("summary ", StringComparison.Ordinal));
        long orders = long.Parse(summary.Split(' ').Single(field => field.StartsWith("orders=", StringComparison.Ordinal))["orders=".Length..].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(orders, Is.Positive, summary);
        Assert.That(summary, Does.EndWith(" risk_rejects=0"), "its orders are on the price grid and within the limits");
    }

    [Test]
    [TestCase("Engine.Tests.NoSuchPlugin", "strategy.plugin.type: no type 'Engine.Tests.NoSuchPlugin' in Engine.Tests")]
    [TestCase("Engine.Tests.Strategies.StrategyPluginTests+PluginThatCannotCreate", "Create threw ArgumentException: no such symbol")]
    public void StrategyPlugin_NotFoundOrFailingToCreate_RefusesToStartNamingTheKeyAndExitCode1(string type, string expected)
    {
        var (exitCode, lines) = RunToExit(WithPlugin(type), TestTimeouts.Join, "the engine gives up at once");

        Assert.That(exitCode, Is.EqualTo(1), string.Join(Environment.NewLine, lines));
        Assert.That(lines, Has.Some.Contains(expected));
        Assert.That(lines, Has.None.Contains("Unhandled exception"));
    }

    [Test]
    public void VenueSlowerThanTheAckTimeout_WarnsOfTheUnansweredOrdersAndRunsOn()
    {
        // The paper venue takes 30 s of venue time to enter an order; the engine waits 200 ms for an answer.
        string config = WithPlugin(typeof(MidMomentumPlugin).FullName!).Replace(
            "\"statusIntervalMs\": 0,",
            "\"statusIntervalMs\": 0, \"orders\": { \"ackTimeoutMs\": 200 }, \"venues\": { \"paper\": { \"entryLatencyUs\": 30000000 } },",
            StringComparison.Ordinal);

        var (exitCode, lines) = RunToExit(config, TestTimeouts.LongRun, "the engine runs its three seconds", durationSeconds: 3);

        Assert.That(exitCode, Is.Zero, string.Join(Environment.NewLine, lines));
        Assert.That(lines, Has.Some.Contains("orders had no answer from the venue 200 ms after their send"));
        Assert.That(lines, Has.Some.StartsWith("summary ").And.Contain(" fills=0 "));
    }

    /// <summary>The test config at 20,000 synthetic events/s running the plugin <paramref name="type"/> of this test assembly on instrument 0, an order at most every 5,000 of its events.</summary>
    private static string WithPlugin(string type) => Config
        .Replace("\"rateEventsPerSecond\": 1000", "\"rateEventsPerSecond\": 20000", StringComparison.Ordinal)
        .Replace("\"statusIntervalMs\": 0", $$"""
            "statusIntervalMs": 0,
            "strategy": {{PluginConfig.StrategySection("""{ "instrument": 0, "quantity": 10, "thresholdTicks": 1, "cooldownEvents": 5000 }""", type)}}
            """, StringComparison.Ordinal);

    /// <summary>
    /// Runs the engine on <paramref name="config"/> (written to a temporary file) until it exits by
    /// itself, which must happen within <paramref name="timeout"/> (<paramref name="why"/>); its exit
    /// code and every line it printed. A process still running at the end is killed.
    /// </summary>
    private static (int ExitCode, string[] Lines) RunToExit(string config, TimeSpan timeout, string why, int durationSeconds = 120, bool withoutAlpacaCredentials = false)
    {
        string path = Path.Combine(Path.GetTempPath(), $"engine-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, config);
        var lines = new ConcurrentQueue<string>();
        using var engine = Start(path, lines, durationSeconds: durationSeconds, withoutAlpacaCredentials: withoutAlpacaCredentials);
        try
        {
            Assert.That(engine.WaitForExit(timeout), Is.True, why);
            engine.WaitForExit(); // the output readers finish
            return (engine.ExitCode, [.. lines]);
        }
        finally
        {
            if (!engine.HasExited)
            {
                engine.Kill();
            }
            File.Delete(path);
        }
    }

    private static Process Start(string configPath, ConcurrentQueue<string> lines, (string Name, string Value)? environment = null, int durationSeconds = 120, bool withoutAlpacaCredentials = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The engine's own build output, same configuration as the tests (bin/<configuration>/<tfm>):
        // the copy beside the tests lacks its dependencies' files.
        var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root(), "Engine", "bin", testDirectory.Parent!.Name, testDirectory.Name, "Engine.dll"));
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configPath);
        start.ArgumentList.Add("--duration-s");
        start.ArgumentList.Add(durationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (environment is { } variable)
        {
            start.Environment[variable.Name] = variable.Value;
        }
        if (withoutAlpacaCredentials)
        {
            start.Environment.Remove("APCA_API_KEY_ID");
            start.Environment.Remove("APCA_API_SECRET_KEY");
            start.Environment.Remove("CREDENTIALS_DIRECTORY");
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(lines, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    private static void WaitForLine(ConcurrentQueue<string> lines, string fragment) =>
        Eventually.Until(() => lines.Any(l => l.Contains(fragment, StringComparison.Ordinal)), TestTimeouts.Join, $"the engine printed '{fragment}'");

    private static void Signal(Process engine, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", engine.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
