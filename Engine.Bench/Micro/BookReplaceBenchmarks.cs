using BenchmarkDotNet.Attributes;
using Engine.Book;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>
/// L3 replace (new id, same price, new size: the order goes to the back of its queue), round-robin
/// over the 400 orders of a 10-level book. Each replace unlinks, frees, re-indexes and re-queues.
/// </summary>
[MemoryDiagnoser]
public class BookReplaceBenchmarks
{
    private OrderBook _book = null!;
    private long[] _orderIds = null!;
    private long[] _priceTicks = null!;
    private long _nextId;
    private MarketDataEvent _event;

    [GlobalSetup]
    public void Setup()
    {
        _book = BookFixture.OrderByOrder(out _orderIds, out _priceTicks);
        _nextId = 10_000_000;
        _event = new MarketDataEvent { Kind = MarketDataKind.Replace };
    }

    [GlobalCleanup]
    public void Cleanup() => BookFixture.Require(_book.ErrorTotal == 0);

    [Benchmark(OperationsPerInvoke = 400)]
    public int Replace()
    {
        var book = _book;
        var ids = _orderIds;
        int errors = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            _event.OrderId = ids[i];
            _event.NewOrderId = _nextId;
            _event.PriceTicks = _priceTicks[i];
            _event.Quantity = 100 + (i & 7);
            errors += book.Apply(ref _event) == BookError.None ? 0 : 1;
            ids[i] = _nextId++;
        }
        return errors;
    }
}
