using BenchmarkDotNet.Attributes;
using Engine.Bench.Latency;
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
using Feeds;
using Feeds.Synthetic;

namespace Engine.Bench.Micro;

/// <summary>
/// Cost per event of the engine's handler chain (books, risk stage, strategy, TWAP stage, router,
/// counter), run over synthetic market events in the processor's calling pattern (by reference, end
/// of batch on the last), with each built-in strategy (<see cref="Strategy"/>; None is the chain
/// before them). The stream ends by deleting every order still live, so each pass starts from empty
/// books and every pass sees valid books.
/// </summary>
/// <remarks>
/// After each pass a stand-in venue answers every order the router has waiting: pending new ->
/// accepted, an accepted IOC -> its rest cancelled, pending cancel -> cancelled (a handful of reports
/// per 4,096 events, their cost included). The strategies then run as they would live: the market
/// maker's quotes work and are replaced when the price moves and their interval (250 ms) has passed,
/// the imbalance taker's orders end, the TWAP's children are cancelled at their slice's end. The
/// order path itself (venue thread, reports through the ring) is <c>./run.sh bench orders</c>.
/// </remarks>
[MemoryDiagnoser]
public class HandlerChainBenchmarks
{
    private const int MarketEvents = 4_096;

    private InboundEvent[] _events = null!;
    private HandlerChain _chain;
    private Sequence _outboundConsumer = null!;
    private RingBuffer<OrderCommand> _outbound = null!;
    private OrderTable _orders = null!;

    /// <summary>The strategy in the chain.</summary>
    [Params(StrategyKind.None, StrategyKind.MarketMaker, StrategyKind.ImbalanceTaker, StrategyKind.Twap)]
    public StrategyKind Strategy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _events = RecordClosedStream();
        var clock = new SystemClock();
        var books = new OrderBooks(new BookOptions());
        // Rates no benchmark reaches, so no refusal opens the breaker; one-cent ticks for the synthetic prices.
        var riskOptions = new RiskOptions { Defaults = new RiskInstrumentOptions { PriceDecimals = 2 }, SubmitsPerSecond = 1_000_000, SubmitBurst = 1_000_000, CancelsPerSecond = 1_000_000, CancelBurst = 1_000_000 };
        var risk = RiskStage.Create(riskOptions, new SlippageOptions(), new PositionsOptions(), books, new Mailbox<RiskLimits>(), clock);
        _outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 4_096, new BusySpinWaitStrategy());
        _outboundConsumer = new Sequence();
        _outbound.AddGatingSequences(_outboundConsumer);
        _orders = new OrderTable(256);
        var router = new RouterStage(risk, _orders, _outbound, new ClientOrderIds(0), clock);
        var options = new StrategyOptions { Name = Strategy, Instruments = [0, 1, 2, 3] };
        var stage = new StrategyStage(StrategyFactory.Create(options, books.Count), new StrategyContext(books, risk, router.Ids, clock, router.Orders), new Mailbox<StrategyOptions>());
        _chain = new HandlerChain(books, risk, stage, new TwapStage(clock, router.Ids, new Mailbox<TwapParent>(), new AdminMailbox(64)), router, venue: null, new EventCounter());
    }

    [Benchmark(OperationsPerInvoke = MarketEvents)]
    public long BooksRiskStrategyTwapRouterCounter()
    {
        var events = _events;
        int last = events.Length - 1;
        for (int i = 0; i <= last; i++)
        {
            _chain.OnEvent(ref events[i], i, i == last);
        }
        _outboundConsumer.SetValue(_outbound.Cursor);
        AnswerWaitingOrders(last + 1);
        return _chain.Counter.Total;
    }

    /// <summary>The same stream with every event its own batch, as at a low rate: the end-of-batch work (clocks, snapshots, timers) paid per event.</summary>
    [Benchmark(OperationsPerInvoke = MarketEvents)]
    public long EveryEventItsOwnBatch()
    {
        var events = _events;
        for (int i = 0; i < events.Length; i++)
        {
            _chain.OnEvent(ref events[i], i, true);
        }
        _outboundConsumer.SetValue(_outbound.Cursor);
        AnswerWaitingOrders(events.Length);
        return _chain.Counter.Total;
    }

    /// <summary>The stand-in venue: one report for each order waiting on an answer.</summary>
    private void AnswerWaitingOrders(long sequence)
    {
        var orders = _orders.All;
        for (int slot = 0; slot < orders.Length; slot++)
        {
            ref readonly var order = ref orders[slot];
            var kind = order.Status switch
            {
                OrderStatus.PendingNew => ExecutionKind.Accepted,
                OrderStatus.New when order.TimeInForce == TimeInForce.Ioc => ExecutionKind.Canceled,
                OrderStatus.PendingCancel => ExecutionKind.Canceled,
                _ => ExecutionKind.None,
            };
            if (kind == ExecutionKind.None)
            {
                continue;
            }
            var report = new InboundEvent
            {
                Kind = InboundKind.Execution,
                Execution = new ExecutionReport
                {
                    Kind = kind,
                    Side = order.Side,
                    InstrumentId = order.InstrumentId,
                    ClientOrderId = order.ClientOrderId,
                    LeavesQuantity = kind == ExecutionKind.Canceled ? 0 : order.Quantity,
                },
            };
            _chain.OnEvent(ref report, sequence++, true);
        }
    }

    /// <summary>
    /// A <see cref="MarketRecording"/> of the synthetic market (its events, then a delete of every order
    /// they left live), made up to <see cref="MarketEvents"/> with prints: as many events as leave room
    /// for the most deletes there can be.
    /// </summary>
    private static InboundEvent[] RecordClosedStream()
    {
        var market = new SyntheticFeedOptions { RateEventsPerSecond = 0 };
        var recording = MarketRecording.Record(market, MarketEvents - (SyntheticMarketFeed.MaxLiveOrdersPerInstrument * market.Instruments));
        var reader = recording.NewReader();
        var events = new InboundEvent[MarketEvents];
        for (int n = 0; n < events.Length; n++)
        {
            events[n].Kind = InboundKind.MarketData;
            if (n < recording.Length)
            {
                reader.Next(ref events[n].Market);
            }
            else
            {
                // A print changes no book: it fills the stream to its length.
                events[n].Market = new MarketDataEvent { Kind = MarketDataKind.Trade, InstrumentId = 0, Side = Side.Buy, PriceTicks = 10_000, Quantity = 100 };
            }
        }
        return events;
    }
}
