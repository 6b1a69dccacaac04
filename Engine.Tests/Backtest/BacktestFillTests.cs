using Engine.Backtest;
using Feeds;

namespace Engine.Tests.Backtest;

public sealed class BacktestFillTests
{
    [Test]
    public void SlippageBps_BuyAboveReference_PositiveAndEstimateApart()
    {
        // Reference 10.00, estimate 10.01, filled at 10.03: 30 bps realised against 10 estimated.
        var fill = new BacktestFill(0, 0, 1, Side.Buy, 100, 100_300, 0, 0, ReferenceSubTicks: 1_000_000_000, EstimatedSubTicks: 1_001_000_000);

        Assert.That(fill.RealisedSlippageBps, Is.EqualTo(30.0).Within(1e-9));
        Assert.That(fill.EstimatedSlippageBps, Is.EqualTo(10.0).Within(1e-9));
    }

    [Test]
    public void SlippageBps_SellAboveReference_NegativeMeansBetter()
    {
        var fill = new BacktestFill(0, 0, 1, Side.Sell, 100, 100_100, 0, 0, ReferenceSubTicks: 1_000_000_000, EstimatedSubTicks: 0);

        Assert.That(fill.RealisedSlippageBps, Is.EqualTo(-10.0).Within(1e-9));
        Assert.That(fill.EstimatedSlippageBps, Is.Null, "a resting order has no estimate");
    }

    [Test]
    public void SlippageBps_WithoutReference_Null()
    {
        var fill = new BacktestFill(0, 0, 1, Side.Buy, 100, 100_100, 0, 0, ReferenceSubTicks: 0, EstimatedSubTicks: 0);

        Assert.That(fill.RealisedSlippageBps, Is.Null);
    }

    [Test]
    public void SharpeOf_FewerThanTwoReturnsOrNoSpread_Null()
    {
        Assert.That(BacktestFigures.SharpeOf([0.01], 252), Is.Null);
        Assert.That(BacktestFigures.SharpeOf([0.01, 0.01], 252), Is.Null);
        Assert.That(BacktestFigures.SortinoOf([0.01, 0.02], 252), Is.Null, "no return below zero");
    }

    [Test]
    public void SharpeOf_KnownReturns_MeanOverSampleSdTimesRootPeriods()
    {
        // mean 0.01, sample sd 0.01 (returns 0, 0.01, 0.02), 4 periods a year: 1 x 2.
        Assert.That(BacktestFigures.SharpeOf([0.0, 0.01, 0.02], 4), Is.EqualTo(2.0).Within(1e-9));
        // mean 0, downside sqrt(0.01^2 / 2) = 0.00707: 0.
        Assert.That(BacktestFigures.SortinoOf([-0.01, 0.01], 4), Is.EqualTo(0.0).Within(1e-9));
    }
}
