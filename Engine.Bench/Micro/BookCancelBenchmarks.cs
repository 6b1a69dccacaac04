using BenchmarkDotNet.Attributes;
using Engine.Book;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>L3 partial cancel of one share, round-robin over the 400 orders of a 10-level book (steady state).</summary>
[MemoryDiagnoser]
public class BookCancelBenchmarks
{
    private OrderBook _book = null!;
    private long[] _orderIds = null!;
    private MarketDataEvent _event;

    [GlobalSetup]
    public void Setup()
    {
        _book = BookFixture.OrderByOrder(out _orderIds, out _);
        _event = new MarketDataEvent { Kind = MarketDataKind.Cancel, Quantity = 1 };
    }

    [GlobalCleanup]
    public void Cleanup() => BookFixture.Require(_book.ErrorTotal == 0);

    [Benchmark(OperationsPerInvoke = 400)]
    public int Cancel()
    {
        var book = _book;
        var ids = _orderIds;
        int errors = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            _event.OrderId = ids[i];
            errors += book.Apply(ref _event) == BookError.None ? 0 : 1;
        }
        return errors;
    }
}
