using Engine.Config;
using Engine.Host;
using Engine.Logging;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Strategies;
using Engine.Tests.Strategies.Plugins;
using Engine.Tests.Support;
using Feeds.Synthetic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Host;

/// <summary>The reload path against a running host: a valid file changes the limits, anything else keeps them and says why.</summary>
public sealed class ConfigReloaderTests
{
    private const string Base = """
        {
          "ring": { "slots": 1024, "maxBatchSize": 256, "waitStrategy": "Yielding" },
          "pipeline": { "thread": { "name": "reload-test", "cpuSet": [], "nice": 0 } },
          "synthetic": { "rateEventsPerSecond": 1000, "maxEventsPerThread": 1000 },
          "risk": { "maxDailyLossCents": 1000 }
        }
        """;

    private string _path = null!;
    private CapturingLogger _log = null!;
    private EngineHost _host = null!;
    private ConfigReloader _reloader = null!;

    [SetUp]
    public void SetUp()
    {
        _path = Path.Combine(Path.GetTempPath(), $"reload-{Guid.NewGuid():N}.json");
        File.WriteAllText(_path, Base);
        var options = ConfigLoader.Load(_path);
        _log = new CapturingLogger();
        _host = new EngineHost(options, NullLoggerFactory.Instance);
        _reloader = new ConfigReloader(new ConfigSources(_path, null, []), options, _host, _log);
        _host.Start();
    }

    [TearDown]
    public void TearDown()
    {
        _host.Stop();
        _host.Dispose();
        File.Delete(_path);
    }

    [Test]
    public void Reload_ValidRiskChange_IsAppliedOnTheLoop()
    {
        File.WriteAllText(_path, Base.Replace("\"maxDailyLossCents\": 1000", "\"maxDailyLossCents\": 2000", StringComparison.Ordinal));

        Assert.That(_reloader.Reload(), Is.True);

        Eventually.Until(() => _host.Risk.Snapshot.LimitReloads == 1, TestTimeouts.LongRun, "the loop applied the limits");
        Assert.That(_host.Stop(), Is.True);
        Assert.That(_host.Risk.Engine.Limits.MaxDailyLossCents, Is.EqualTo(2000));
        Assert.That(_log.CountAt(LogLevel.Warning), Is.Zero);
    }

    [Test]
    public void Reload_InvalidFile_KeepsTheRunningLimitsAndListsEveryProblem()
    {
        File.WriteAllText(_path, Base.Replace("\"maxDailyLossCents\": 1000", "\"maxDailyLossCents\": 0, \"maxOpenOrders\": -1", StringComparison.Ordinal));

        Assert.That(_reloader.Reload(), Is.False);

        var error = _log.Entries.Single(e => e.Level == LogLevel.Error).Message;
        Assert.That(error, Does.Contain("risk.maxDailyLossCents: 0 is outside").And.Contain("risk.maxOpenOrders: -1 is outside"));
        Assert.That(_host.Stop(), Is.True);
        Assert.That(_host.Risk.Engine.Limits.MaxDailyLossCents, Is.EqualTo(1000));
        Assert.That(_host.Risk.Snapshot.LimitReloads, Is.Zero);
    }

    [Test]
    public void Reload_MalformedJson_IsRefused()
    {
        File.WriteAllText(_path, "{ \"risk\": ");

        Assert.That(_reloader.Reload(), Is.False);
        Assert.That(_log.CountAt(LogLevel.Error), Is.EqualTo(1));
    }

    [Test]
    public void Reload_LimitsForInstrumentsTheRunningBooksDoNotHave_IsRefused()
    {
        string grown = Base.Replace("\"risk\": {", "\"book\": { \"instruments\": 32 }, \"risk\": { \"instruments\": [ { \"instrumentId\": 20 } ],", StringComparison.Ordinal);
        File.WriteAllText(_path, grown);

        Assert.That(_reloader.Reload(), Is.False);

        Assert.That(_log.Entries.Single(e => e.Level == LogLevel.Error).Message, Does.Contain("risk.instruments[0].instrumentId: 20 is outside 0..15"));
    }

    [TestCase("\"priceDecimals\": 2", "price decimals of instrument 3 would change from 4 to 2")]
    [TestCase("\"quantityDecimals\": 8", "quantity decimals of instrument 3 would change from 0 to 8")]
    public void Reload_ScaleChanged_IsRefusedAndKeepsTheRunningLimits(string entry, string problem)
    {
        string rescaled = Base.Replace("\"maxDailyLossCents\": 1000", "\"maxDailyLossCents\": 2000, \"instruments\": [ { \"instrumentId\": 3, " + entry + " } ]", StringComparison.Ordinal);
        File.WriteAllText(_path, rescaled);

        Assert.That(_reloader.Reload(), Is.False);

        Assert.That(_log.Entries.Single(e => e.Level == LogLevel.Error).Message, Does.Contain(problem).And.Contain("restart"));
        Assert.That(_host.Stop(), Is.True);
        Assert.That(_host.Risk.Engine.Limits.MaxDailyLossCents, Is.EqualTo(1000), "nothing of the file applied");
    }

    [Test]
    public void Reload_StartupOnlyChanges_AreAppliedForRiskAndReportedForTheRest()
    {
        File.WriteAllText(_path, Base
            .Replace("\"slots\": 1024", "\"slots\": 2048", StringComparison.Ordinal)
            .Replace("\"maxDailyLossCents\": 1000", "\"maxDailyLossCents\": 1000, \"breaker\": { \"coolDownMs\": 5 }", StringComparison.Ordinal));

        Assert.That(_reloader.Reload(), Is.True);

        Assert.That(_log.Entries.Single(e => e.Level == LogLevel.Warning).Message, Does.Contain("ring, risk.breaker"));
    }

    [Test]
    public void Reload_LogLevels_AreAppliedAndFormatChangesReportedForRestart()
    {
        using var logging = EngineLogging.Create(new LoggingOptions(), TextWriter.Null, static _ => null);
        var reloader = new ConfigReloader(new ConfigSources(_path, null, []), ConfigLoader.Load(_path), _host, _log, logging);
        var venues = logging.Factory.CreateLogger("Engine.Venues.Alpaca.AlpacaRestClient");
        Assert.That(venues.IsEnabled(LogLevel.Debug), Is.False);
        File.WriteAllText(_path, Base.Replace("\"risk\": {", "\"logging\": { \"minimumLevel\": \"Warning\", \"levels\": { \"Engine.Venues\": \"Debug\" }, \"format\": \"Text\" }, \"risk\": {", StringComparison.Ordinal));

        Assert.That(reloader.Reload(), Is.True);

        Assert.That(venues.IsEnabled(LogLevel.Debug), Is.True);
        Assert.That(logging.Factory.CreateLogger("Engine.Host").IsEnabled(LogLevel.Information), Is.False);
        Assert.That(_log.Entries.Single(e => e.Level == LogLevel.Warning).Message, Does.Contain("changes to logging.format take effect only at the next start"));
    }

    [Test]
    public void ChangesNeedingRestart_LoggingWithoutALogToApplyItTo_IsReportedWhole()
    {
        var options = new EngineOptions();
        var levelsChanged = options with { Logging = new Engine.Logging.LoggingOptions { MinimumLevel = LogLevel.Debug } };

        Assert.That(ConfigReloader.ChangesNeedingRestart(options, levelsChanged), Is.EqualTo(new[] { "logging" }));
        Assert.That(ConfigReloader.ChangesNeedingRestart(options, levelsChanged, reloadsLogLevels: true), Is.Empty);
    }

    [Test]
    public void ChangesNeedingRestart_SameOptions_IsEmpty()
    {
        var options = new EngineOptions
        {
            Ring = new RingOptions { WaitStrategy = WaitStrategyKind.BusySpin },
            Synthetic = new SyntheticFeedOptions { Seed = 7 },
        };

        Assert.That(ConfigReloader.ChangesNeedingRestart(options, options with { }), Is.Empty);
        Assert.That(ConfigReloader.ChangesNeedingRestart(options, options with { StatusIntervalMs = 5 }), Is.EqualTo(new[] { "statusIntervalMs" }));
    }

    [Test]
    public void Reload_StrategyParameters_ReachTheRunningStrategy()
    {
        var (host, reloader, path) = StartWithStrategy("MarketMaker");
        try
        {
            File.WriteAllText(path, WithStrategy("MarketMaker", halfSpreadTicks: 4));

            Assert.That(reloader.Reload(), Is.True);

            var mm = (MarketMakerStrategy)host.Strategy.Strategy!;
            Eventually.Until(() => mm.Parameters.HalfSpreadTicks == 4, TestTimeouts.LongRun, "the loop handed the strategy its new parameters");
            Assert.That(host.Stop(), Is.True);
            Assert.That(_log.CountAt(LogLevel.Warning), Is.Zero, "parameters need no restart");
        }
        finally
        {
            host.Stop();
            host.Dispose();
            File.Delete(path);
        }
    }

    [Test]
    public void Reload_OtherStrategyName_IsReportedAsNeedingARestartAndKeepsTheParameters()
    {
        var (host, reloader, path) = StartWithStrategy("MarketMaker");
        try
        {
            File.WriteAllText(path, WithStrategy("ImbalanceTaker", halfSpreadTicks: 4));

            Assert.That(reloader.Reload(), Is.True);

            Assert.That(host.Stop(), Is.True);
            Assert.That(_log.Entries.Single(e => e.Level == LogLevel.Warning).Message, Does.Contain("strategy.name"));
            Assert.That(((MarketMakerStrategy)host.Strategy.Strategy!).Parameters.HalfSpreadTicks, Is.EqualTo(1));
        }
        finally
        {
            host.Stop();
            host.Dispose();
            File.Delete(path);
        }
    }

    [Test]
    public void Reload_StrategyTooFastForTheRiskLimits_IsRefused()
    {
        var (host, reloader, path) = StartWithStrategy("MarketMaker");
        try
        {
            File.WriteAllText(path, WithStrategy("MarketMaker", halfSpreadTicks: 1, intervalMs: 10));

            Assert.That(reloader.Reload(), Is.False);

            Assert.That(_log.Entries.Single(e => e.Level == LogLevel.Error).Message, Does.Contain("strategy.marketMaker.minRequoteIntervalMs: 10 ms"));
        }
        finally
        {
            host.Stop();
            host.Dispose();
            File.Delete(path);
        }
    }

    [Test]
    public void Reload_PluginParameters_ReachThePluginsRunningStrategyAndBadOnesAreRefusedUnderTheirKey()
    {
        string path = Path.Combine(Path.GetTempPath(), $"reload-plugin-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, WithPlugin(thresholdTicks: 5));
        var options = ConfigLoader.Load(path);
        var host = new EngineHost(options with { Pipeline = options.Pipeline with { Thread = options.Pipeline.Thread with { Name = "reload-plugin" } } }, NullLoggerFactory.Instance);
        var reloader = new ConfigReloader(new ConfigSources(path, null, []), options, host, _log);
        host.Start();
        try
        {
            File.WriteAllText(path, WithPlugin(thresholdTicks: 2));
            Assert.That(reloader.Reload(), Is.True);
            var strategy = (MidMomentumStrategy)host.Strategy.Strategy!;
            Eventually.Until(() => strategy.Parameters.ThresholdTicks == 2, TestTimeouts.LongRun, "the loop handed the plugin's strategy its new parameters");

            File.WriteAllText(path, WithPlugin(thresholdTicks: 0));
            Assert.That(reloader.Reload(), Is.False);

            Assert.That(host.Stop(), Is.True);
            Assert.That(_log.Entries.Single(e => e.Level == LogLevel.Error).Message, Does.Contain("strategy.plugin.parameters.thresholdTicks: 0 is not an integer in 1..1000000"));
            Assert.That(strategy.Parameters.ThresholdTicks, Is.EqualTo(2));
        }
        finally
        {
            host.Stop();
            host.Dispose();
            File.Delete(path);
        }
    }

    [Test]
    public void ChangesNeedingRestart_StrategyParametersOnly_IsEmpty()
    {
        var options = new EngineOptions { Strategy = new StrategyOptions { Name = StrategyKind.MarketMaker } };
        var reloaded = options with { Strategy = options.Strategy with { MarketMaker = new MarketMakerOptions { SkewTicks = 7 }, Instruments = [1] } };

        Assert.That(ConfigReloader.ChangesNeedingRestart(options, reloaded), Is.Empty);
        Assert.That(ConfigReloader.ChangesNeedingRestart(options, options with { Strategy = new StrategyOptions { Name = StrategyKind.Twap } }), Is.EqualTo(new[] { "strategy.name" }));
    }

    private static string WithStrategy(string name, long halfSpreadTicks, int intervalMs = 250) => Base.Replace(
        "\"risk\": {",
        $"\"strategy\": {{ \"name\": \"{name}\", \"instruments\": [0], \"marketMaker\": {{ \"halfSpreadTicks\": {halfSpreadTicks}, \"minRequoteIntervalMs\": {intervalMs} }} }}, \"risk\": {{",
        StringComparison.Ordinal);

    private static string WithPlugin(long thresholdTicks) => Base.Replace(
        "\"risk\": {",
        $$"""
        "strategy": {{PluginConfig.StrategySection($$"""{ "instrument": 0, "quantity": 10, "thresholdTicks": {{thresholdTicks}} }""")}},
        "risk": {
        """,
        StringComparison.Ordinal);

    private (EngineHost Host, ConfigReloader Reloader, string Path) StartWithStrategy(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"reload-strategy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, WithStrategy(name, halfSpreadTicks: 1));
        var options = ConfigLoader.Load(path);
        var host = new EngineHost(options with { Pipeline = options.Pipeline with { Thread = options.Pipeline.Thread with { Name = "reload-strategy" } } }, NullLoggerFactory.Instance);
        var reloader = new ConfigReloader(new ConfigSources(path, null, []), options, host, _log);
        host.Start();
        return (host, reloader, path);
    }
}
