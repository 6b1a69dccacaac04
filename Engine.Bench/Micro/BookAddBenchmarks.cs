using BenchmarkDotNet.Attributes;
using Engine.Book;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>
/// L3 add: 1,000 new orders spread over the 10 existing levels of each side of a 400-order book,
/// each joining the back of a busy level, then the 1,000 deletes that restore the book; the figure
/// is per operation (add or delete). A book that only grows has no steady state, and a
/// per-iteration setup that removes the adds makes BenchmarkDotNet run the loop once per
/// iteration, which measured several times slower than this steady loop (see PERFORMANCE.md).
/// </summary>
[MemoryDiagnoser]
public class BookAddBenchmarks
{
    private const int Adds = 1_000;

    private OrderBook _book = null!;
    private MarketDataEvent[] _events = null!;
    private MarketDataEvent _delete;

    [GlobalSetup]
    public void Setup()
    {
        _book = BookFixture.OrderByOrder(out _, out _);
        _delete = new MarketDataEvent { Kind = MarketDataKind.Delete };
        _events = new MarketDataEvent[Adds];
        for (int i = 0; i < Adds; i++)
        {
            var side = i % 2 == 0 ? Side.Buy : Side.Sell;
            int level = (i / 2) % BookFixture.LevelsPerSide;
            _events[i] = new MarketDataEvent
            {
                Kind = MarketDataKind.Add,
                OrderId = 1_000_000 + i,
                Side = side,
                PriceTicks = side == Side.Buy ? BookFixture.BestBidTicks - level : BookFixture.BestAskTicks + level,
                Quantity = 100,
            };
        }
    }


    [GlobalCleanup]
    public void Cleanup() => BookFixture.Require(_book.ErrorTotal == 0);

    [Benchmark(OperationsPerInvoke = 2 * Adds)]
    public int AddThenDelete()
    {
        var book = _book;
        var events = _events;
        int errors = 0;
        for (int i = 0; i < events.Length; i++)
        {
            errors += book.Apply(ref events[i]) == BookError.None ? 0 : 1;
        }
        for (int i = 0; i < events.Length; i++)
        {
            _delete.OrderId = events[i].OrderId;
            errors += book.Apply(ref _delete) == BookError.None ? 0 : 1;
        }
        return errors;
    }
}
