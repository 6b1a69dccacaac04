using Engine.Backtest;

namespace Engine.Tests.Backtest;

public sealed class BacktestRunnerTests
{
    [Test]
    public void Run_SameLobsterFileTwice_GivesTheSameOrdersFillsPnlAndReport()
    {
        var run = new BacktestOptions { DataPath = BacktestFixture.Lobster("message"), OrderbookPath = BacktestFixture.Lobster("orderbook"), Format = BacktestFormat.Lobster, OutDirectory = "unused" };

        var first = BacktestFixture.Run(run, new AlternatingStrategy(every: 40, quantity: 100));
        var second = BacktestFixture.Run(run, new AlternatingStrategy(every: 40, quantity: 100));

        Assert.That(first.Figures.Fills, Is.GreaterThan(10), "the strategy trades");
        Assert.That(second.Recorder.Fills, Is.EqualTo(first.Recorder.Fills));
        Assert.That(second.Figures, Is.EqualTo(first.Figures));
        Assert.That(BacktestFixture.WithoutLatency(second), Is.EqualTo(BacktestFixture.WithoutLatency(first)));
    }

    [Test]
    public void Run_SameItchFileTwice_GivesTheSameReport()
    {
        var run = new BacktestOptions { DataPath = BacktestFixture.Itch, Format = BacktestFormat.Itch, OutDirectory = "unused" };

        var first = BacktestFixture.Run(run, new AlternatingStrategy(every: 200, quantity: 100));
        var second = BacktestFixture.Run(run, new AlternatingStrategy(every: 200, quantity: 100));

        Assert.That(first.Figures.Fills, Is.GreaterThan(0), "the strategy trades");
        Assert.That(BacktestFixture.WithoutLatency(second), Is.EqualTo(BacktestFixture.WithoutLatency(first)));
    }
}
