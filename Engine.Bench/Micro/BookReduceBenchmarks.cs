using BenchmarkDotNet.Attributes;
using Engine.Book;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>
/// L3 partial cancel or partial execution of one share, round-robin over the 400 orders of a
/// 10-level book (steady state).
/// </summary>
[MemoryDiagnoser]
public class BookReduceBenchmarks
{
    /// <summary>Which reduction: <see cref="MarketDataKind.Cancel"/> or <see cref="MarketDataKind.Execute"/>.</summary>
    [Params(MarketDataKind.Cancel, MarketDataKind.Execute)]
    public MarketDataKind Kind { get; set; }

    private OrderBook _book = null!;
    private long[] _orderIds = null!;
    private MarketDataEvent _event;

    [GlobalSetup]
    public void Setup()
    {
        _book = BookFixture.OrderByOrder(out _orderIds, out _);
        _event = new MarketDataEvent { Kind = Kind, Quantity = 1 };
    }

    [GlobalCleanup]
    public void Cleanup() => BookFixture.Require(_book.ErrorTotal == 0);

    [Benchmark(OperationsPerInvoke = 400)]
    public int ReduceByOneShare()
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
