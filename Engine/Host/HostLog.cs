using Engine.Config;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Strategies;
using Microsoft.Extensions.Logging;

namespace Engine.Host;

/// <summary>The host's log lines.</summary>
internal static partial class HostLog
{
    public static void Starting(ILogger logger, EngineOptions options)
    {
        int feedThreads = options.Synthetic.ActiveThreads();
        Starting(logger, options.Ring.Slots, options.Ring.Producers, options.Ring.WaitStrategy,
            options.Pipeline.Thread.CpuSet, feedThreads, options.Synthetic.RateEventsPerSecond, System.Runtime.GCSettings.LatencyMode);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Starting: ring {Slots} slots ({Producers} producer), wait {Wait}, loop CPUs {Cpus}, {Feeds} synthetic feed thread(s) at {Rate} events/s, GC {GcLatencyMode}")]
    private static partial void Starting(ILogger logger, int slots, ProducerType producers, WaitStrategyKind wait, IReadOnlyList<int> cpus, int feeds, long rate, System.Runtime.GCLatencyMode gcLatencyMode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Stopping: the feeds first, then the loop drains the ring")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Reload: {Path} is valid; the new risk limits go to the loop, and the strategy's parameters unless its name changed")]
    public static partial void ReloadApplied(ILogger logger, string path);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Reload refused, the running configuration stays: {Problems} ({Path})")]
    public static partial void ReloadRefused(ILogger logger, string path, string problems);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Reload: changes to {Sections} take effect only at the next start")]
    public static partial void ReloadNeedsRestart(ILogger logger, string sections);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Admin endpoint off: set {Variable} to a token to serve it")]
    public static partial void AdminOff(ILogger logger, string variable);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Admin endpoint on {Url}/admin (bearer token required)")]
    public static partial void AdminOn(ILogger logger, string url);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "GC latency mode {Wanted} (pipeline.gcLatencyMode) was not taken; the GC runs {Actual}: SustainedLowLatency needs concurrent GC (System.GC.Concurrent)")]
    public static partial void GcLatencyModeRefused(ILogger logger, System.Runtime.GCLatencyMode wanted, System.Runtime.GCLatencyMode actual);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "feeds.replay: {Note}")]
    public static partial void ReplayNote(ILogger logger, string note);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "The books could not apply {Count} market events exactly since the last check: {Kinds}. The events were skipped or applied in part; the engine runs on")]
    public static partial void BookErrors(ILogger logger, long count, string kinds);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "Warm-up: {Events} synthetic events through a copy of the pipeline, {Orders} orders, {Fills} fills, {Ms} ms (pipeline.warmUpEvents)")]
    public static partial void WarmedUp(ILogger logger, int events, long orders, long fills, long ms);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Warm-up stopped early: {Reason}. The engine starts anyway; its first orders will wait for the JIT")]
    public static partial void WarmUpHalted(ILogger logger, string reason);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "{Count} orders had no answer from the venue {TimeoutMs} ms after their send ({Total} since start): each counts as an order-path error toward the breaker; they stay open until the venue reports them (orders.ackTimeoutMs, engine_orders_unanswered_total)")]
    public static partial void Unanswered(ILogger logger, long count, int timeoutMs, long total);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "{Count} fills from the venue were refused by the position table since the last check ({Total} since start): their price or the position they make is outside positions.maxPriceTicks or positions.maxPositionQty, so the engine's positions, P&L and limits no longer match the venue's (engine_fills_refused_total)")]
    public static partial void FillsRefused(ILogger logger, long count, long total);

    /// <summary>Once, at start-up: which plugin the strategy came from.</summary>
    public static void StrategyPlugin(ILogger logger, IStrategy strategy, StrategyPluginOptions plugin)
    {
        string name = strategy.Name;
        string description = plugin.Describe();
        StrategyPlugin(logger, name, description);
    }

    [LoggerMessage(EventId = 19, Level = LogLevel.Information, Message = "Strategy {Name}: plugin {Plugin}")]
    private static partial void StrategyPlugin(ILogger logger, string name, string plugin);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Metrics on {Url}/metrics")]
    public static partial void MetricsOn(ILogger logger, string url);
}
