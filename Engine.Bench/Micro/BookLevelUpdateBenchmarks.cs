using BenchmarkDotNet.Attributes;
using Engine.Book;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>
/// L2 level update on a book of 10 levels a side fed by price levels: <see cref="Update"/> changes
/// the size of existing levels; <see cref="RemoveAndInsert"/> empties a level and sets it again,
/// which shifts the levels worse than it.
/// </summary>
[MemoryDiagnoser]
public class BookLevelUpdateBenchmarks
{
    private const int Updates = 400;

    private OrderBook _book = null!;
    private MarketDataEvent[] _updates = null!;
    private MarketDataEvent[] _removeInsert = null!;

    [GlobalSetup]
    public void Setup()
    {
        _book = BookFixture.ByLevel();
        _updates = new MarketDataEvent[Updates];
        _removeInsert = new MarketDataEvent[Updates];
        for (int i = 0; i < Updates; i++)
        {
            var side = i % 2 == 0 ? Side.Buy : Side.Sell;
            int level = (i / 2) % BookFixture.LevelsPerSide;
            long price = side == Side.Buy ? BookFixture.BestBidTicks - level : BookFixture.BestAskTicks + level;
            _updates[i] = new MarketDataEvent { Kind = MarketDataKind.LevelSet, Side = side, PriceTicks = price, Quantity = 100 + i };
        }
        for (int i = 0; i < Updates; i += 2)
        {
            // Pairs on one level: it goes (size 0), then comes back.
            _removeInsert[i] = _updates[i] with { Quantity = 0 };
            _removeInsert[i + 1] = _updates[i] with { Quantity = 300 };
        }
    }

    [GlobalCleanup]
    public void Cleanup() => BookFixture.Require(_book.ErrorTotal == 0);

    [Benchmark(OperationsPerInvoke = Updates)]
    public int Update() => ApplyAll(_updates);

    [Benchmark(OperationsPerInvoke = Updates)]
    public int RemoveAndInsert() => ApplyAll(_removeInsert);

    private int ApplyAll(MarketDataEvent[] events)
    {
        var book = _book;
        int errors = 0;
        for (int i = 0; i < events.Length; i++)
        {
            errors += book.Apply(ref events[i]) == BookError.None ? 0 : 1;
        }
        return errors;
    }
}
