using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Config;
using Engine.Risk;
using Microsoft.Extensions.Logging;

namespace Engine.Host;

/// <summary>
/// Reloads the configuration (base file, overlay, overrides) at run time (SIGHUP): the risk limits and
/// the running strategy's parameters change on the running engine; everything else (and a change of
/// <c>strategy.name</c>) is reported as waiting for a restart. A file that fails validation, or
/// whose limits or strategy do not fit the running books, changes nothing and the log says why.
/// </summary>
/// <remarks>Control thread (the signal handler); reloads are serialised. Never on the loop: the loop only swaps in the built limits.</remarks>
public sealed class ConfigReloader
{
    private const string ReloadableSection = "risk";
    private const string StartupOnlyRiskKey = "breaker";
    private const string StrategySection = "strategy";
    private const string StartupOnlyStrategyKey = "name";

    private readonly ConfigSources _sources;
    private readonly string _described;
    private readonly EngineHost _host;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private EngineOptions _running;

    /// <summary>Reloads <paramref name="sources"/> (files and overrides) into <paramref name="host"/>, which runs <paramref name="running"/>.</summary>
    public ConfigReloader(ConfigSources sources, EngineOptions running, EngineHost host, ILogger log)
    {
        _sources = sources;
        _described = sources.Describe();
        _running = running;
        _host = host;
        _log = log;
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
            reloaded.Strategy.Validate(StrategySection, problems, _host.Books.Count, reloaded.Risk);
            if (problems.Count > 0)
            {
                HostLog.ReloadRefused(_log, _described, string.Join("; ", problems));
                return false;
            }
            var waiting = ChangesNeedingRestart(_running, reloaded);
            if (waiting.Count > 0)
            {
                HostLog.ReloadNeedsRestart(_log, string.Join(", ", waiting));
            }
            _host.ReloadRiskLimits(reloaded);
            var strategy = _running.Strategy;
            if (reloaded.Strategy.Name == strategy.Name)
            {
                _host.ReloadStrategyParameters(reloaded.Strategy);
                strategy = reloaded.Strategy;
            }
            _running = _running with { Risk = reloaded.Risk with { Breaker = _running.Risk.Breaker }, Strategy = strategy };
            HostLog.ReloadApplied(_log, _described);
            return true;
        }
    }

    /// <summary>The key paths, other than the reloadable risk limits and strategy parameters, whose values differ.</summary>
    internal static List<string> ChangesNeedingRestart(EngineOptions running, EngineOptions reloaded)
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
                if (!JsonNode.DeepEquals(before[key]?[StartupOnlyStrategyKey], value?[StartupOnlyStrategyKey]))
                {
                    changed.Add($"{StrategySection}.{StartupOnlyStrategyKey}");
                }
            }
            else if (!JsonNode.DeepEquals(before[key], value))
            {
                changed.Add(key);
            }
        }
        return changed;
    }
}
