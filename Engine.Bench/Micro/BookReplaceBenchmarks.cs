using BenchmarkDotNet.Attributes;
using Engine.Book;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>
/// L3 replace, round-robin over the 400 orders of a 10-level book, each to the back of a queue:
/// <see cref="Replace"/> keeps the price and changes the size (re-index and re-queue);
/// <see cref="ReplaceToOtherLevel"/> moves each order one level deeper and, on the next pass,
/// back (remove from one level, add to another).
/// </summary>
[MemoryDiagnoser]
public class BookReplaceBenchmarks
{
    private OrderBook _book = null!;
    private long[] _orderIds = null!;
    private long[] _priceTicks = null!;
    private long[] _seedPriceTicks = null!;
    private long _nextId;
    private MarketDataEvent _event;

    [GlobalSetup]
    public void Setup()
    {
        _book = BookFixture.OrderByOrder(out _orderIds, out _priceTicks);
        _seedPriceTicks = (long[])_priceTicks.Clone();
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

    [Benchmark(OperationsPerInvoke = 400)]
    public int ReplaceToOtherLevel()
    {
        var book = _book;
        var ids = _orderIds;
        int errors = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            long seed = _seedPriceTicks[i];
            long deeper = seed < BookFixture.BestAskTicks ? seed - 1 : seed + 1;
            _priceTicks[i] = _priceTicks[i] == seed ? deeper : seed;
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
