using Engine.Backtest;
using Engine.Config;
using Engine.Tests.Support;
using Feeds;

namespace Engine.Tests.Backtest;

/// <summary>
/// Slippage realised against the estimate when the market moves while the order travels: a 0.5 s
/// entry latency at the paper venue, and the 10.02 ask the estimate counted on is gone before the
/// order arrives.
/// </summary>
/// <remarks>
/// <code>
/// #  time(s)  message                   book after               strategy
/// 1  0.0      add bid 500 @ 10.00       10.00 / -
/// 2  0.0      add ask 100 @ 10.02       10.00 / 10.02
/// 3  0.0      add ask 500 @ 10.04       10.00 / 10.02, 10.04     buy 100 at market: mid 10.01, estimate 10.02 (9.99 bps)
/// 4  0.2      delete the 10.02 ask      10.00 / 10.04            (the order is still on its way: due at 0.5)
/// 5  1.0      add bid 100 @ 9.99        9.99..10.00 / 10.04      the order takes effect at 0.5, before this: 100 @ 10.04 (29.97 bps)
/// </code>
/// </remarks>
public sealed class BacktestSlippageTests
{
    [Test]
    public void Run_MarketMovesDuringEntryLatency_RealisedWorseThanEstimateByTheMove()
    {
        string folder = Directory.CreateTempSubdirectory("backtest-slippage-").FullName;
        string path = Path.Combine(folder, "LATE_message.csv");
        File.WriteAllLines(path,
        [
            "34200.000000000,1,1,500,100000,1",
            "34200.000000000,1,2,100,100200,-1",
            "34200.000000000,1,3,500,100400,-1",
            "34200.200000000,3,2,100,100200,-1",
            "34201.000000000,1,4,100,99900,1",
        ]);
        BacktestReport report;
        try
        {
            var options = ConfigLoader.Load(RepositoryPaths.ShippedConfig());
            options.Venues.Paper.EntryLatencyUs = 500_000;
            var run = new BacktestOptions { DataPath = path, Format = BacktestFormat.Lobster, OutDirectory = folder, CapitalCents = 1_000_000 };
            report = BacktestFixture.Run(run, new ScriptedStrategy((3, Side.Buy, 100)), options);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var fill = report.Recorder.Fills.Single();
        Assert.That((fill.PriceTicks, fill.Quantity, fill.TsNs), Is.EqualTo((100_400L, 100L, 34_200_500_000_000L)), "at 10.04, when the entry latency ran out");
        Assert.That(fill.ReferenceSubTicks, Is.EqualTo(1_001_000_000L), "the mid at the decision, 10.01");
        Assert.That(fill.EstimatedSubTicks, Is.EqualTo(1_002_000_000L), "the estimate took the 100 at 10.02");
        Assert.That(report.Figures.RealisedSlippageBps, Is.EqualTo(0.03 / 10.01 * 1e4).Within(1e-6));
        Assert.That(report.Figures.EstimatedSlippageBps, Is.EqualTo(0.01 / 10.01 * 1e4).Within(1e-6));
        Assert.That(report.Figures.RealisedMinusEstimatedBps, Is.EqualTo(0.02 / 10.01 * 1e4).Within(1e-6));
    }
}
