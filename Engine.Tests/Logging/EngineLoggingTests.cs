// These tests call the logging extension methods with templates on purpose: they are what every
// provider must handle (a params array of values, a template that varies, odd property names).
#pragma warning disable CA1848, CA1873, CA2254, CA1727
using System.Text.Json;
using Engine.Logging;
using Engine.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Logging;

/// <summary>The log end to end: loggers fill the ring, the writer thread writes one JSON object per line.</summary>
public sealed class EngineLoggingTests
{
    private static readonly DateTimeOffset s_now = new DateTimeOffset(2026, 11, 26, 3, 32, 17, TimeSpan.Zero).AddTicks(1_234_567);

    private static readonly Action<ILogger, string, long, Exception?> s_orderFilled =
        LoggerMessage.Define<string, long>(LogLevel.Information, new EventId(42, "Filled"), "order {ClientOrderId} filled {Quantity}");

    private static readonly Dictionary<string, string?> s_noSecrets = [];

    [Test]
    public void Log_MessageTemplate_WritesOneJsonLineWithEveryField()
    {
        var lines = Run(new LoggingOptions(), factory =>
        {
            var log = factory.CreateLogger("Engine.Host.EngineHost");
            log.LogInformation(new EventId(3), "ring {Slots} slots on CPUs [{Cpus}] ready={Ready} rate={Rate} <&>", 1024, new[] { 1, 2 }, true, 2.5);
        });

        var line = lines.Single();
        Assert.That(line.GetProperty("ts").GetString(), Is.EqualTo("2026-11-26T03:32:17.123456Z"));
        Assert.That(line.GetProperty("level").GetString(), Is.EqualTo("Information"));
        Assert.That(line.GetProperty("category").GetString(), Is.EqualTo("Engine.Host.EngineHost"));
        Assert.That(line.GetProperty("event_id").GetInt32(), Is.EqualTo(3));
        Assert.That(line.GetProperty("message").GetString(), Is.EqualTo("ring 1024 slots on CPUs [1, 2] ready=True rate=2.5 <&>"));
        Assert.That(line.GetProperty("Slots").GetInt32(), Is.EqualTo(1024));
        Assert.That(line.GetProperty("Cpus").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(line.GetProperty("Ready").GetBoolean(), Is.True);
        Assert.That(line.GetProperty("Rate").GetDouble(), Is.EqualTo(2.5));
        Assert.That(line.TryGetProperty("{OriginalFormat}", out _), Is.False);
        Assert.That(line.TryGetProperty("exception", out _), Is.False);
        Assert.That(line.TryGetProperty("correlation_id", out _), Is.False);
    }

    [Test]
    public void Log_WithException_WritesItsTypeMessageAndStack()
    {
        var lines = Run(new LoggingOptions(), factory =>
        {
            try
            {
                throw new InvalidOperationException("the handler broke");
            }
            catch (InvalidOperationException exception)
            {
                factory.CreateLogger("Engine.Pipeline").LogError(exception, "handler fault at {Sequence}", 17L);
            }
        });

        var exceptionText = lines.Single().GetProperty("exception").GetString();
        Assert.That(exceptionText, Does.StartWith("System.InvalidOperationException: the handler broke"));
        Assert.That(exceptionText, Does.Contain(nameof(Log_WithException_WritesItsTypeMessageAndStack)));
        Assert.That(lines.Single().GetProperty("level").GetString(), Is.EqualTo("Error"));
    }

    [TestCase("ClientOrderId")]
    [TestCase("clientOrderId")]
    [TestCase("CLIENTORDERID")]
    public void Log_ClientOrderIdProperty_BecomesTheCorrelationId(string name)
    {
        var lines = Run(new LoggingOptions(), factory =>
            factory.CreateLogger("Engine.Venues").LogWarning($"order {{{name}}} refused: {{Reason}}", "E1-42", "price collar"));

        var line = lines.Single();
        Assert.That(line.GetProperty("correlation_id").GetString(), Is.EqualTo("E1-42"));
        Assert.That(line.GetProperty("Reason").GetString(), Is.EqualTo("price collar"));
        Assert.That(line.TryGetProperty(name, out _), Is.False, "written once, as the correlation id");
    }

    [Test]
    public void Log_GeneratedMessageWithEventName_CarriesIdAndCorrelation()
    {
        var lines = Run(new LoggingOptions(), factory => s_orderFilled(factory.CreateLogger("Engine.Orders"), "E7-1", 100, null));

        Assert.That(lines.Single().GetProperty("event_id").GetInt32(), Is.EqualTo(42));
        Assert.That(lines.Single().GetProperty("correlation_id").GetString(), Is.EqualTo("E7-1"));
        Assert.That(lines.Single().GetProperty("Quantity").GetInt64(), Is.EqualTo(100));
    }

    [Test]
    public void Log_VenueOrderLines_CarryTheCorrelationIdAndRequestLinesDoNot()
    {
        var lines = Run(new LoggingOptions(), factory =>
        {
            var log = factory.CreateLogger("Engine.Venues.Alpaca.AlpacaRestClient");
            Engine.Venues.Alpaca.AlpacaRestLog.Refused(log, "POST", "/v2/orders", "E1-5", 422, 40010001, Engine.Orders.VenueRejectReason.InvalidOrder, "bad qty");
            Engine.Venues.Alpaca.AlpacaRestLog.Refused(log, "GET", "/v2/account", null, 403, 0, Engine.Orders.VenueRejectReason.Other, "forbidden");
            Engine.Venues.Alpaca.AlpacaGatewayLog.LiveOrderForgotten(log, "E1-6", 10);
        });

        Assert.That(lines[0].GetProperty("correlation_id").GetString(), Is.EqualTo("E1-5"));
        Assert.That(lines[0].GetProperty("Status").GetInt32(), Is.EqualTo(422));
        Assert.That(lines[1].TryGetProperty("correlation_id", out _), Is.False);
        Assert.That(lines[2].GetProperty("correlation_id").GetString(), Is.EqualTo("E1-6"));
    }

    [Test]
    public void Log_PropertyNamedLikeAFixedField_DoesNotReplaceIt()
    {
        var lines = Run(new LoggingOptions(), factory => factory.CreateLogger("A").LogInformation("{Level} {message}", "x", "y"));

        Assert.That(lines.Single().GetProperty("message").GetString(), Is.EqualTo("x y"));
        Assert.That(lines.Single().GetProperty("prop_message").GetString(), Is.EqualTo("y"));
        Assert.That(lines.Single().GetProperty("Level").GetString(), Is.EqualTo("x"));
    }

    [TestCase("APCA_API_KEY_ID", "PKTESTKEYID123")]
    [TestCase("APCA_API_SECRET_KEY", "s3cr3t-value-xyz")]
    [TestCase("ENGINE_ADMIN_TOKEN", "admin-token-123")]
    public void Log_SecretVariableValue_IsRedactedEverywhere(string variable, string value)
    {
        var secrets = new Dictionary<string, string?> { [variable] = value };
        var lines = Run(new LoggingOptions(), factory =>
        {
            var log = factory.CreateLogger("Engine.Venues.Alpaca");
            log.LogWarning("server said {Text} about {ClientOrderId}", $"bad key {value}!", value);
            log.LogError(new InvalidOperationException($"refused {value}"), "failed");
        }, secrets);

        string all = string.Join("\n", lines.Select(l => l.GetRawText()));
        Assert.That(all, Does.Not.Contain(value));
        Assert.That(lines[0].GetProperty("message").GetString(), Is.EqualTo("server said bad key ***! about ***"));
        Assert.That(lines[0].GetProperty("Text").GetString(), Is.EqualTo("bad key ***!"));
        Assert.That(lines[0].GetProperty("correlation_id").GetString(), Is.EqualTo("***"));
        Assert.That(lines[1].GetProperty("exception").GetString(), Does.StartWith("System.InvalidOperationException: refused ***"));
    }

    [TestCase("Authorization: Bearer abc.def-ghi", "Authorization: Bearer ***")]
    [TestCase("APCA-API-SECRET-KEY: Zx9secret", "APCA-API-SECRET-KEY: ***")]
    [TestCase("APCA-API-KEY-ID: PKABC", "APCA-API-KEY-ID: ***")]
    [TestCase("""body {"secret_key":"Zx9\"secret","qty":1}""", """body {"secret_key":"***","qty":1}""")]
    public void Log_SecretPattern_IsRedactedInMessageAndProperties(string text, string expected)
    {
        var lines = Run(new LoggingOptions(), factory => factory.CreateLogger("A").LogInformation("request {Request}", text));

        Assert.That(lines.Single().GetProperty("message").GetString(), Is.EqualTo("request " + expected));
        Assert.That(lines.Single().GetProperty("Request").GetString(), Is.EqualTo(expected));
    }

    [Test]
    public void Create_SecretInSystemdCredentialFile_IsRedactedToo()
    {
        string directory = Directory.CreateTempSubdirectory("log-credentials").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "ENGINE_ADMIN_TOKEN"), "from-a-credential-file\n");
            var lines = Run(new LoggingOptions(), factory => factory.CreateLogger("A").LogInformation("token from-a-credential-file"),
                new Dictionary<string, string?> { ["CREDENTIALS_DIRECTORY"] = directory });

            Assert.That(lines.Single().GetProperty("message").GetString(), Is.EqualTo("token ***"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Log_LevelsPerCategory_LongestPrefixWinsAndTheRestUseTheMinimum()
    {
        var options = new LoggingOptions
        {
            MinimumLevel = LogLevel.Warning,
            Levels = new() { ["Engine.Venue"] = LogLevel.Debug, ["Engine.Venues.Alpaca.Rest"] = LogLevel.Error },
        };

        var lines = Run(options, factory =>
        {
            factory.CreateLogger("Engine.Venues.Paper").LogDebug("paper debug");
            factory.CreateLogger("Engine.Venues.Paper").LogTrace("paper trace");
            factory.CreateLogger("Engine.Venues.Alpaca.RestClient").LogWarning("rest warning");
            factory.CreateLogger("Engine.Venues.Alpaca.RestClient").LogError("rest error");
            factory.CreateLogger("Engine.Host").LogInformation("host information");
            factory.CreateLogger("Engine.Host").LogWarning("host warning");
        });

        Assert.That(lines.Select(l => l.GetProperty("message").GetString()), Is.EqualTo(new[] { "paper debug", "rest error", "host warning" }));
    }

    [Test]
    public void ApplyLevels_WhileRunning_ChangesExistingAndNewLoggers()
    {
        var output = new StringWriter();
        using (var logging = EngineLogging.Create(new LoggingOptions(), output, s_noSecrets.GetValueOrDefault))
        {
            var existing = logging.Factory.CreateLogger("Engine.Venues");
            existing.LogDebug("before: dropped by the level");
            Assert.That(existing.IsEnabled(LogLevel.Debug), Is.False);

            logging.ApplyLevels(new LoggingOptions { MinimumLevel = LogLevel.Error, Levels = new() { ["Engine.Venues"] = LogLevel.Debug } });

            Assert.That(existing.IsEnabled(LogLevel.Debug), Is.True);
            existing.LogDebug("after: written");
            logging.Factory.CreateLogger("Engine.Host").LogWarning("host warning: now below the minimum");
            logging.Factory.CreateLogger("Engine.Host").LogError("host error");
        }

        Assert.That(LogLines.Parse(output.ToString()).Select(l => l.GetProperty("message").GetString()), Is.EqualTo(new[] { "after: written", "host error" }));
    }

    [Test]
    public void Log_RingFullBecauseTheOutputIsStuck_DropsAndCountsWithoutBlockingThenReports()
    {
        using var output = new BlockingTextWriter();
        var logging = EngineLogging.Create(new LoggingOptions { QueueSlots = 64 }, output, s_noSecrets.GetValueOrDefault);
        var log = logging.Factory.CreateLogger("Engine.Test");
        log.LogInformation("event {Index}", 0);
        Assert.That(output.Entered.Wait(TestTimeouts.LongRun), Is.True, "the writer is stuck in its first write");

        // The writer holds slot 0, so 63 more fit and the remaining 137 are dropped; no call waits.
        var logger = new Thread(() =>
        {
            for (int i = 1; i <= 200; i++)
            {
                log.LogInformation("event {Index}", i);
            }
        });
        logger.Start();
        Assert.That(logger.Join(TestTimeouts.LongRun), Is.True, "logging returned while the output was stuck");
        Assert.That(logging.DroppedCount, Is.EqualTo(137));

        output.Released.Set();
        logging.Dispose();

        var lines = LogLines.Parse(output.Text);
        Assert.That(lines.Where(l => l.GetProperty("category").GetString() == "Engine.Test").Select(l => l.GetProperty("Index").GetInt32()), Is.EqualTo(Enumerable.Range(0, 64)));
        var report = lines.Single(l => l.GetProperty("category").GetString() == LogWriter.Category);
        Assert.That(report.GetProperty("level").GetString(), Is.EqualTo("Warning"));
        Assert.That(report.GetProperty("Dropped").GetInt64(), Is.EqualTo(137));
        Assert.That(report.GetProperty("DroppedTotal").GetInt64(), Is.EqualTo(137));
        Assert.That(report.GetProperty("message").GetString(), Does.Contain("137 log events dropped"));
    }

    [Test]
    public void Dispose_AfterManyEventsFromSeveralThreads_WritesEveryOneBeforeReturning()
    {
        const int Threads = 4;
        const int PerThread = 2_000;
        var output = new StringWriter();
        var logging = EngineLogging.Create(new LoggingOptions { QueueSlots = 16_384 }, output, s_noSecrets.GetValueOrDefault);
        var threads = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int thread = t;
            var log = logging.Factory.CreateLogger($"Engine.T{thread}");
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < PerThread; i++)
                {
                    log.LogInformation("event {Thread} {Index}", thread, i);
                }
            });
            threads[t].Start();
        }
        foreach (var thread in threads)
        {
            Assert.That(thread.Join(TestTimeouts.LongRun), Is.True);
        }

        logging.Dispose();

        var lines = LogLines.Parse(output.ToString());
        Assert.That(logging.DroppedCount, Is.Zero);
        Assert.That(lines, Has.Count.EqualTo(Threads * PerThread));
        for (int t = 0; t < Threads; t++)
        {
            var mine = lines.Where(l => l.GetProperty("Thread").GetInt32() == t).Select(l => l.GetProperty("Index").GetInt32());
            Assert.That(mine, Is.EqualTo(Enumerable.Range(0, PerThread)), "each thread's events in its order");
        }
    }

    [Test]
    public void Dispose_OutputStuckForever_ReturnsAfterTheDrainTimeout()
    {
        using var output = new BlockingTextWriter();
        var logging = EngineLogging.Create(new LoggingOptions(), output, s_noSecrets.GetValueOrDefault);
        var log = logging.Factory.CreateLogger("A");
        log.LogInformation("stuck");
        Assert.That(output.Entered.Wait(TestTimeouts.LongRun), Is.True);

        var disposer = new Thread(logging.Dispose);
        disposer.Start();

        Assert.That(disposer.Join(TestTimeouts.LongRun), Is.True, "Dispose gave up waiting for the stuck writer");
        log.LogInformation("after dispose");
        Assert.That(logging.DroppedCount, Is.EqualTo(1), "events after disposal are counted as dropped");
        output.Released.Set();
    }

    [Test]
    public void Provider_AddedToAnotherFactory_WritesThroughTheSameRingAndOutlivesThatFactory()
    {
        var output = new StringWriter();
        using (var logging = EngineLogging.Create(new LoggingOptions(), output, s_noSecrets.GetValueOrDefault))
        {
            using (var hostFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logging.Provider)))
            {
                hostFactory.CreateLogger("Microsoft.Hosting.Lifetime").LogInformation("host started");
                hostFactory.CreateLogger("Microsoft.Hosting.Lifetime").LogDebug("below the configured minimum");
            }
            logging.Factory.CreateLogger("Engine.Host").LogInformation("engine still logging");
        }

        Assert.That(LogLines.Parse(output.ToString()).Select(l => l.GetProperty("message").GetString()), Is.EqualTo(new[] { "host started", "engine still logging" }));
    }

    [Test]
    public void Create_TextFormat_WritesReadableLines()
    {
        var output = new StringWriter();
        using (var logging = EngineLogging.Create(new LoggingOptions { Format = LogFormat.Text }, output, s_noSecrets.GetValueOrDefault, new FixedTime(s_now)))
        {
            logging.Factory.CreateLogger("Engine.Orders").LogWarning(new EventId(7), "order {ClientOrderId} refused", "E1-9");
            logging.Factory.CreateLogger("Engine.Host").LogError(new InvalidOperationException("boom"), "failed");
        }

        var lines = output.ToString().Split('\n');
        Assert.That(lines[0], Is.EqualTo("2026-11-26T03:32:17.123456Z WARN Engine.Orders[7] order E1-9 refused correlation_id=E1-9"));
        Assert.That(lines[1], Is.EqualTo("2026-11-26T03:32:17.123456Z FAIL Engine.Host[0] failed"));
        Assert.That(lines[2], Is.EqualTo("    System.InvalidOperationException: boom"));
    }

    [Test]
    public void Log_FormatterThrows_CountsAFailureAndKeepsWriting()
    {
        var output = new StringWriter();
        EngineLogging logging;
        using (logging = EngineLogging.Create(new LoggingOptions(), output, s_noSecrets.GetValueOrDefault))
        {
            var log = logging.Factory.CreateLogger("A");
            log.Log(LogLevel.Information, default, "state", null, static (_, _) => throw new FormatException("bad formatter"));
            log.LogInformation("still here");
        }

        Assert.That(logging.FailureCount, Is.EqualTo(1));
        Assert.That(LogLines.Parse(output.ToString()).Single().GetProperty("message").GetString(), Is.EqualTo("still here"));
    }

    /// <summary>Logs through a fresh log writing to a string, disposes it (draining the ring) and parses the lines.</summary>
    private static List<JsonElement> Run(LoggingOptions options, Action<ILoggerFactory> log, Dictionary<string, string?>? variables = null)
    {
        var output = new StringWriter();
        variables ??= s_noSecrets;
        using (var logging = EngineLogging.Create(options, output, variables.GetValueOrDefault, new FixedTime(s_now)))
        {
            log(logging.Factory);
        }
        return LogLines.Parse(output.ToString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
