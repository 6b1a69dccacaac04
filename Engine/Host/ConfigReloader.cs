using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Config;
using Engine.Logging;
using Engine.Risk;
using Microsoft.Extensions.Logging;

namespace Engine.Host;

/// <summary>
/// Reloads the configuration (base file, overlay, overrides) at run time (SIGHUP): the risk limits,
/// the running strategy's parameters and, when a log is given, the log levels (<c>logging.minimumLevel</c>,
/// <c>logging.levels</c>) change on the running engine; everything else (and a change of
/// <c>strategy.name</c>) is reported as waiting for a restart. A file that fails validation, or
/// whose limits or strategy do not fit the running books, changes nothing and the log says why.
/// </summary>
/// <remarks>Control thread (the signal handler); reloads are serialised. Never on the loop: the loop only swaps in the built limits.</remarks>
public sealed class ConfigReloader
{
    private const string ReloadableSection = "risk";
    private const string StartupOnlyRiskKey = "breaker";
    private const string LoggingSection = "logging";
    private const string StrategySection = "strategy";
    private static readonly string[][] s_startupOnlyStrategyKeys = [["name"], ["plugin", "assembly"], ["plugin", "type"]];
    private static readonly string[] s_reloadableLoggingKeys = ["minimumLevel", "levels"];

    private readonly ConfigSources _sources;
    private readonly string _described;
    private readonly EngineHost _host;
    private readonly ILogger _log;
    private readonly EngineLogging? _logging;
    private readonly Lock _gate = new();
    private EngineOptions _running;

    /// <summary>
    /// Reloads <paramref name="sources"/> (files and overrides) into <paramref name="host"/>, which runs <paramref name="running"/>,
    /// and the log levels into <paramref name="logging"/> when given (without it, <c>logging</c> changes wait for a restart).
    /// </summary>
    public ConfigReloader(ConfigSources sources, EngineOptions running, EngineHost host, ILogger log, EngineLogging? logging = null)
    {
        _sources = sources;
        _described = sources.Describe();
        _running = running;
        _host = host;
        _log = log;
        _logging = logging;
    }

    /// <summary>Reads, validates and applies the file; true when new limits were sent to the loop.</summary>
    public bool Reload()
    {
        lock (_gate)
        {
            EngineOptions reloaded;
            try
            {
                reloaded = ConfigLoader.Load(_sources);
            }
            catch (ConfigException exception)
            {
                HostLog.ReloadRefused(_log, _described, exception.Message);
                return false;
            }
            var problems = RiskLimits.Validate(reloaded.Risk, _host.Books.Count);
            AddScaleChanges("price", _running.Risk.PriceDecimalsOf(_host.Books.Count), reloaded.Risk.PriceDecimalsOf(_host.Books.Count), problems);
            AddScaleChanges("quantity", _running.Risk.QuantityDecimalsOf(_host.Books.Count), reloaded.Risk.QuantityDecimalsOf(_host.Books.Count), problems);
            reloaded.Strategy.Validate(StrategySection, problems, _host.Books.Count, reloaded.Risk);
            if (problems.Count > 0)
            {
                HostLog.ReloadRefused(_log, _described, string.Join("; ", problems));
                return false;
            }
            var waiting = ChangesNeedingRestart(_running, reloaded, reloadsLogLevels: _logging is not null);
            if (waiting.Count > 0)
            {
                HostLog.ReloadNeedsRestart(_log, string.Join(", ", waiting));
            }
            _host.ReloadRiskLimits(reloaded);
            var strategy = _running.Strategy;
            if (reloaded.Strategy.RunsTheSameStrategyAs(strategy))
            {
                _host.ReloadStrategyParameters(reloaded.Strategy);
                strategy = reloaded.Strategy;
            }
            _running = _running with { Risk = reloaded.Risk with { Breaker = _running.Risk.Breaker }, Strategy = strategy };
            if (_logging is not null)
            {
                _logging.ApplyLevels(reloaded.Logging);
                _running = _running with { Logging = _running.Logging with { MinimumLevel = reloaded.Logging.MinimumLevel, Levels = reloaded.Logging.Levels } };
            }
            HostLog.ReloadApplied(_log, _described);
            return true;
        }
    }

    /// <summary>
    /// Adds a problem for every instrument whose price or quantity decimals (<paramref name="what"/>) the
    /// reload would change: positions, books and orders keep the start-up scale, so limits at another
    /// scale would misjudge every notional by powers of ten. A change of scale needs a restart.
    /// </summary>
    private static void AddScaleChanges(string what, int[] before, int[] after, List<string> problems)
    {
        for (int id = 0; id < before.Length; id++)
        {
            if (before[id] != after[id])
            {
                problems.Add($"risk: the {what} decimals of instrument {id} would change from {before[id]} to {after[id]}; positions, books and orders keep the start-up scale, so this needs a restart");
            }
        }
    }

    private static JsonNode? At(JsonNode? node, string[] keys)
    {
        foreach (string key in keys)
        {
            node = node?[key];
        }
        return node;
    }

    /// <summary>The key paths, other than the reloadable risk limits, strategy parameters (and log levels when <paramref name="reloadsLogLevels"/>), whose values differ.</summary>
    internal static List<string> ChangesNeedingRestart(EngineOptions running, EngineOptions reloaded, bool reloadsLogLevels = false)
    {
        var before = JsonSerializer.SerializeToNode(running, EngineJsonContext.Default.EngineOptions)!.AsObject();
        var after = JsonSerializer.SerializeToNode(reloaded, EngineJsonContext.Default.EngineOptions)!.AsObject();
        var changed = new List<string>();
        foreach (var (key, value) in after)
        {
            if (key == ReloadableSection)
            {
                if (!JsonNode.DeepEquals(before[key]?[StartupOnlyRiskKey], value?[StartupOnlyRiskKey]))
                {
                    changed.Add($"{ReloadableSection}.{StartupOnlyRiskKey}");
                }
            }
            else if (key == StrategySection)
            {
                foreach (string[] keys in s_startupOnlyStrategyKeys)
                {
                    if (!JsonNode.DeepEquals(At(before[key], keys), At(value, keys)))
                    {
                        changed.Add($"{StrategySection}.{string.Join('.', keys)}");
                    }
                }
            }
            else if (key == LoggingSection && reloadsLogLevels)
            {
                AddStartupOnlyLoggingChanges(before[key]!.AsObject(), value!.AsObject(), changed);
            }
            else if (!JsonNode.DeepEquals(before[key], value))
            {
                changed.Add(key);
            }
        }
        return changed;
    }

    /// <summary>Adds <c>logging.format</c>, <c>logging.file</c> and the other keys that need a restart, when changed.</summary>
    private static void AddStartupOnlyLoggingChanges(JsonObject before, JsonObject after, List<string> changed)
    {
        foreach (var (key, value) in after)
        {
            if (Array.IndexOf(s_reloadableLoggingKeys, key) < 0 && !JsonNode.DeepEquals(before[key], value))
            {
                changed.Add($"{LoggingSection}.{key}");
            }
        }
    }
}
