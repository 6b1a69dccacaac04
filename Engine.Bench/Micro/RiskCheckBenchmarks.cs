using BenchmarkDotNet.Attributes;
using Engine.Book;
using Engine.Positions;
using Engine.Risk;
using Engine.Slippage;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>
/// <see cref="RiskEngine.Check"/> for one order that passes every check, on the 10-level book of
/// <see cref="BookFixture"/> (bid $1.0000, ask $1.0001, 500 a level): a resting limit buy (no
/// slippage walk), a market buy within the touch, and a market buy walking all 10 levels. The
/// baseline is a cancel, whose only check is its token bucket. The clock advances 1 us a call
/// and the buckets refill 1,000,000 a second, so every call also refills one token.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RiskCheckBenchmarks
{
    private const long T0 = 1_000_000_000_000;

    private static readonly OrderIntent s_cancel = new(1, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 0, IsCancel: true);
    private static readonly OrderIntent s_restingLimit = new(1, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 100, LimitPriceTicks: BookFixture.BestBidTicks);
    private static readonly OrderIntent s_marketTouch = new(1, 0, Side.Buy, OrderType.Market, TimeInForce.Day, 100);
    private static readonly OrderIntent s_marketTenLevels = new(1, 0, Side.Buy, OrderType.Market, TimeInForce.Day, 4_750);

    private RiskEngine _risk = null!;
    private long _nowNs;

    [GlobalSetup]
    public void Setup()
    {
        var books = new OrderBooks(BookFixture.Options);
        var e = new MarketDataEvent { Kind = MarketDataKind.LevelSet, Quantity = 500 };
        for (int level = 0; level < BookFixture.LevelsPerSide; level++)
        {
            e.Side = Side.Buy;
            e.PriceTicks = BookFixture.BestBidTicks - level;
            BookFixture.Require(books.Apply(ref e) == BookError.None);
            e.Side = Side.Sell;
            e.PriceTicks = BookFixture.BestAskTicks + level;
            BookFixture.Require(books.Apply(ref e) == BookError.None);
        }
        var options = new RiskOptions { SubmitBurst = 1_000_000, SubmitsPerSecond = 1_000_000, CancelBurst = 1_000_000, CancelsPerSecond = 1_000_000 };
        _risk = new RiskEngine(options, books, new PositionTable(new PositionsOptions { Instruments = 1 }), new SlippageEstimator(new SlippageOptions(), 1), new CircuitBreaker(options.Breaker, T0), T0);
        _nowNs = T0;
        BookFixture.Require(_risk.Check(in s_cancel, T0).Approved);
        BookFixture.Require(_risk.Check(in s_restingLimit, T0).Approved);
        BookFixture.Require(_risk.Check(in s_marketTouch, T0).Approved);
        BookFixture.Require(_risk.Check(in s_marketTenLevels, T0).Approved);
    }

    [Benchmark(Baseline = true)]
    public bool Cancel() => _risk.Check(in s_cancel, _nowNs += 1_000).Approved;

    [Benchmark]
    public bool RestingLimit() => _risk.Check(in s_restingLimit, _nowNs += 1_000).Approved;

    [Benchmark]
    public bool MarketWithinTouch() => _risk.Check(in s_marketTouch, _nowNs += 1_000).Approved;

    [Benchmark]
    public bool MarketTenLevels() => _risk.Check(in s_marketTenLevels, _nowNs += 1_000).Approved;
}
