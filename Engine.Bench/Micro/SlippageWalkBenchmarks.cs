using BenchmarkDotNet.Attributes;
using Engine.Book;
using Engine.Slippage;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>
/// One slippage estimate on the 10-level L2 book of <see cref="BookFixture.ByLevel"/> (500 a level):
/// within the touch (baseline), a walk ending part-way into the 10th level, and a walk past all 10
/// levels whose remainder the square-root model prices.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SlippageWalkBenchmarks
{
    private OrderBook _book = null!;
    private SlippageEstimator _estimator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _book = BookFixture.ByLevel();
        _estimator = new SlippageEstimator(new SlippageOptions(), instruments: 1);
        BookFixture.Require(_estimator.EstimateMarket(_book, 0, Side.Buy, 4_750).LevelsConsumed == BookFixture.LevelsPerSide);
        BookFixture.Require(_estimator.EstimateMarket(_book, 0, Side.Buy, 6_000).ModelledQuantity == 1_000);
    }

    [Benchmark(Baseline = true)]
    public long WithinTheTouch() => _estimator.EstimateMarket(_book, 0, Side.Buy, 100).AveragePriceSubTicks;

    [Benchmark]
    public long TenLevels() => _estimator.EstimateMarket(_book, 0, Side.Buy, 4_750).AveragePriceSubTicks;

    [Benchmark]
    public long TenLevelsThenModel() => _estimator.EstimateMarket(_book, 0, Side.Buy, 6_000).AveragePriceSubTicks;
}
