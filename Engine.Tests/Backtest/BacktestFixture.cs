using Engine.Backtest;
using Engine.Config;
using Engine.Strategies;
using Engine.Tests.Support;

namespace Engine.Tests.Backtest;

/// <summary>Runs backtests in process on the shipped configuration (or given options) and the repository's test data.</summary>
internal static class BacktestFixture
{
    public static string Lobster(string kind) => Path.Combine(RepositoryPaths.Root(), "testdata", "lobster", $"AAPL_2012-06-21_34200000_57600000_{kind}_10.csv");

    public static string Itch => Path.Combine(RepositoryPaths.Root(), "testdata", "itch50", "ex20101224.TEST_ITCH_50");

    public static string Kraken => Path.Combine(RepositoryPaths.Root(), "testdata", "kraken", "KRAKEN.ws.50.0");

    public static BacktestReport Run(BacktestOptions run, IStrategy? strategy, EngineOptions? options = null)
    {
        options ??= ConfigLoader.Load(RepositoryPaths.ShippedConfig());
        var data = run.Load(options.Book.Instruments);
        run.Apply(options, data);
        return BacktestCommand.Execute(run, "test", options, data, strategy);
    }

    /// <summary>The full report without its one non-deterministic part, the latency object.</summary>
    public static string WithoutLatency(BacktestReport report)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(report.ToJson(full: true))!.AsObject();
        json.Remove("latency");
        return json.ToJsonString();
    }
}
