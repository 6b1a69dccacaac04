using BenchmarkDotNet.Attributes;
using Engine.Book;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>
/// L3 add: 1,000 new orders spread over the 10 existing levels of each side of a 400-order book,
/// each joining the back of a busy level. Before every iteration the orders the last one added are
/// deleted (outside the measurement), so every iteration starts from the same warm book.
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

    [IterationSetup]
    public void DeleteLastIterationsOrders()
    {
        if (_book.OrderCount == BookFixture.LevelsPerSide * BookFixture.OrdersPerLevel * 2)
        {
            return;
        }
        foreach (var add in _events)
        {
            _delete.OrderId = add.OrderId;
            BookFixture.Require(_book.Apply(ref _delete) == BookError.None);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => BookFixture.Require(_book.ErrorTotal == 0);

    [Benchmark(OperationsPerInvoke = Adds)]
    public int Add()
    {
        var book = _book;
        var events = _events;
        for (int i = 0; i < events.Length; i++)
        {
            book.Apply(ref events[i]);
        }
        return book.OrderCount;
    }
}
