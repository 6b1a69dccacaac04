using BenchmarkDotNet.Attributes;
using Engine.Admin;
using Engine.Book;
using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Risk;
using Engine.Slippage;
using Engine.Strategies;
using Feeds.Synthetic;

namespace Engine.Bench.Micro;

/// <summary>
/// Cost per event of the engine's handler chain (books, risk stage, router, counter), run over a ring full of
/// synthetic market events in the processor's calling pattern (by reference, end of batch on the
/// last). The risk stage marks every valid book's position (flat here) and checks the daily loss.
/// </summary>
[MemoryDiagnoser]
public class HandlerChainBenchmarks
{
    private const int Events = 4_096;

    private RingBuffer<InboundEvent> _ring = null!;
    private HandlerChain _chain;

    [GlobalSetup]
    public void Setup()
    {
        _ring = RingBuffer<InboundEvent>.Create(ProducerType.Single, Events, new BusySpinWaitStrategy());
        var sink = new RingMarketDataSink(_ring);
        new SyntheticMarketFeed(new SyntheticFeedOptions { MaxEventsPerThread = Events, RateEventsPerSecond = 0 }, 0, sink).Run(CancellationToken.None);
        var books = new OrderBooks(new BookOptions());
        var risk = RiskStage.Create(new RiskOptions(), new SlippageOptions(), new PositionsOptions(), books, new RiskLimitsMailbox(), new SystemClock());
        // A live venue's router: no market data forwarded, and no order on this market.
        var outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 64, new BusySpinWaitStrategy());
        var router = new RouterStage(risk, new OrderTable(64), outbound, new ClientOrderIds(0), new SystemClock());
        _chain = new HandlerChain(books, risk, new StrategyStage(null, new StrategyContext(books, risk, router.Ids, new SystemClock()), new Mailbox<StrategyOptions>()), new TwapStage(new SystemClock(), router.Ids, new TwapMailbox(), new AdminMailbox(64)), router, new EventCounter());
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long BooksRiskTwapRouterCounter()
    {
        for (long sequence = 0; sequence < Events; sequence++)
        {
            _chain.OnEvent(ref _ring[sequence], sequence, sequence == Events - 1);
        }
        return _chain.Counter.Total;
    }
}
