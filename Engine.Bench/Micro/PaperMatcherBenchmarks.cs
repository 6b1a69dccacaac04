using BenchmarkDotNet.Attributes;
using Engine.Book;
using Engine.Orders;
using Engine.Risk;
using Engine.Venues.Paper;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>
/// The paper venue's matcher on the 10-level book of <see cref="BookFixture"/> (500 a level).
/// <see cref="MarketableAcrossThreeLevels"/>: an IOC buy of 1,250 walks three ask levels (4
/// reports), then six level updates empty and refill those levels so the next order finds them
/// untaken; <see cref="ReplenishOnly"/> is those six updates alone (the baseline to subtract).
/// <see cref="MarketEventWithRestingOrders"/>: a bid-level update or a print on the ask side with
/// 16 of our buys resting at the top 8 bid levels (each event moves their queue positions, none
/// fills); <see cref="MarketEventNoOrders"/> is the same stream on a matcher with nothing resting.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PaperMatcherBenchmarks
{
    private const int Orders = 100;
    private const int Events = 1_024;
    private const long OrderQuantity = 1_250;

    private readonly CountingSink _sink = new();
    private PaperMatcher _taker = null!;
    private PaperMatcher _resting = null!;
    private PaperMatcher _empty = null!;
    private MarketDataEvent[] _stream = null!;
    private long _nextId;
    private long _nowNs;

    [GlobalSetup]
    public void Setup()
    {
        _taker = Build();
        _resting = Build();
        _empty = Build();
        for (int i = 0; i < 16; i++)
        {
            var command = new OrderCommand
            {
                Kind = OrderCommandKind.New, ClientOrderId = ++_nextId, Side = Side.Buy, Type = OrderType.Limit,
                TimeInForce = TimeInForce.Gtc, Quantity = 100, LimitPriceTicks = BookFixture.BestBidTicks - (i / 2),
                OriginEventNs = _resting.ClockNs,
            };
            _resting.OnCommand(in command, _sink);
        }
        BookFixture.Require(_resting.RestingOrderCount == 16);
        _stream = new MarketDataEvent[Events];
        for (int i = 0; i < Events; i++)
        {
            _stream[i] = i % 4 == 3
                ? new MarketDataEvent { Kind = MarketDataKind.Trade, Side = Side.Buy, PriceTicks = BookFixture.BestAskTicks, Quantity = 100 }
                : new MarketDataEvent { Kind = MarketDataKind.LevelSet, Side = Side.Buy, PriceTicks = BookFixture.BestBidTicks - (i % 8), Quantity = 500 + ((i / 8) % 2 * 100) };
        }
        _nowNs = _taker.ClockNs;
    }

    [GlobalCleanup]
    public void Cleanup() => BookFixture.Require(_resting.RestingOrderCount == 16 && _resting.Fills == 0 && _taker.Fills == 3 * _taker.OrdersAccepted);

    [Benchmark(OperationsPerInvoke = Orders)]
    public long MarketableAcrossThreeLevels()
    {
        var matcher = _taker;
        for (int i = 0; i < Orders; i++)
        {
            var command = new OrderCommand
            {
                Kind = OrderCommandKind.New, ClientOrderId = ++_nextId, Side = Side.Buy, Type = OrderType.Limit,
                TimeInForce = TimeInForce.Ioc, Quantity = OrderQuantity, LimitPriceTicks = BookFixture.BestAskTicks + 2,
                OriginEventNs = matcher.ClockNs,
            };
            matcher.OnCommand(in command, _sink);
            Replenish(matcher);
        }
        return _sink.Reports;
    }

    [Benchmark(OperationsPerInvoke = Orders, Baseline = true)]
    public long ReplenishOnly()
    {
        var matcher = _empty;
        for (int i = 0; i < Orders; i++)
        {
            Replenish(matcher);
        }
        return _sink.Reports;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long MarketEventWithRestingOrders() => Stream(_resting);

    [Benchmark(OperationsPerInvoke = Events)]
    public long MarketEventNoOrders() => Stream(_empty);

    private static PaperMatcher Build()
    {
        var matcher = new PaperMatcher(new PaperVenueOptions(), new OrderBooks(BookFixture.Options));
        var sink = new CountingSink();
        var e = new MarketDataEvent { Kind = MarketDataKind.LevelSet, Quantity = 500, TsEventNs = 1_000 };
        for (int level = 0; level < BookFixture.LevelsPerSide; level++)
        {
            e.Side = Side.Buy;
            e.PriceTicks = BookFixture.BestBidTicks - level;
            matcher.OnMarket(ref e, sink);
            e.Side = Side.Sell;
            e.PriceTicks = BookFixture.BestAskTicks + level;
            matcher.OnMarket(ref e, sink);
        }
        return matcher;
    }

    private void Replenish(PaperMatcher matcher)
    {
        var e = new MarketDataEvent { Kind = MarketDataKind.LevelSet, Side = Side.Sell, TsEventNs = ++_nowNs };
        for (int level = 0; level < 3; level++)
        {
            e.PriceTicks = BookFixture.BestAskTicks + level;
            e.Quantity = 0;
            matcher.OnMarket(ref e, _sink);
            e.Quantity = 500;
            matcher.OnMarket(ref e, _sink);
        }
    }

    private long Stream(PaperMatcher matcher)
    {
        var stream = _stream;
        long ts = ++_nowNs;
        for (int i = 0; i < stream.Length; i++)
        {
            ref var e = ref stream[i];
            e.TsEventNs = ts;
            matcher.OnMarket(ref e, _sink);
        }
        return _sink.Reports;
    }

    private sealed class CountingSink : IExecutionSink
    {
        public long Reports;

        public void Publish(in ExecutionReport report) => Reports++;
    }
}
