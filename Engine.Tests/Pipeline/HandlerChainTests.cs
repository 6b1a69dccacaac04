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
using Engine.Tests.Support;
using Feeds;
using Feeds.Synthetic;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Pipeline;

public sealed class HandlerChainTests
{
    private static HandlerChain NewChain(EventCounter counter)
    {
        var books = new OrderBooks(new BookOptions());
        var risk = RiskStage.Create(new RiskOptions(), new SlippageOptions(), new PositionsOptions(), books, new Mailbox<RiskLimits>(), new SystemClock());
        var outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 64, new YieldingWaitStrategy());
        var router = new RouterStage(risk, new OrderTable(64), outbound, new ClientOrderIds(0), new SystemClock());
        return new HandlerChain(books, risk, new StrategyStage(null, new StrategyContext(books, risk, router.Ids, new SystemClock()), new Mailbox<StrategyOptions>()), new TwapStage(new SystemClock(), router.Ids, new Mailbox<TwapParent>(), new AdminMailbox(64)), router, venue: null, counter);
    }

    [Test]
    public void Counter_OfChain_IsTheStageItWasBuiltWith()
    {
        var counter = new EventCounter();

        var chain = NewChain(counter);

        Assert.That(chain.Counter, Is.SameAs(counter));
    }

    [Test]
    public void OnEvent_Event_ReachesTheCounter()
    {
        var counter = new EventCounter();
        var chain = NewChain(counter);
        var e = new InboundEvent { Market = new MarketDataEvent { Kind = MarketDataKind.Trade, Quantity = 100 } };

        chain.OnEvent(ref e, sequence: 0, endOfBatch: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counter.Total, Is.EqualTo(1));
            Assert.That(counter.Count(MarketDataKind.Trade), Is.EqualTo(1));
        }
    }

    [Test]
    public void OnEvent_MidBatchThenEndOfBatch_PublishesEveryStagesSnapshotOnlyAtTheEnd()
    {
        var counter = new EventCounter();
        var chain = NewChain(counter);
        var kill = new InboundEvent { Kind = InboundKind.Command, Command = ControlCommand.Kill };
        var trade = new InboundEvent { Market = new MarketDataEvent { Kind = MarketDataKind.Trade, Quantity = 100 } };

        chain.OnEvent(ref kill, sequence: 0, endOfBatch: false);
        var midBatch = (counter.Handled, chain.Risk.Snapshot.TradingState);
        chain.OnEvent(ref trade, sequence: 1, endOfBatch: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(midBatch, Is.EqualTo((0L, TradingState.Active)), "nothing published before the batch ends");
            Assert.That((counter.Handled, chain.Risk.Snapshot.TradingState), Is.EqualTo((2L, TradingState.Halted)));
        }
    }

    [Test]
    public void OnEvent_WarmedUpLoopOverSyntheticFeed_AllocatesNothingPerEvent()
    {
        const long Events = 600_000;
        var ring = RingBuffer<InboundEvent>.Create(ProducerType.Single, 1024, new YieldingWaitStrategy());
        var counter = new EventCounter();
        var probe = new AllocationProbe(warmSequence: 200_000, lastSequence: Events - 1);
        var processor = new BatchEventProcessor<InboundEvent, AllocationProbeHandler<InboundEvent, HandlerChain>>(
            ring, ring.NewBarrier(), new(NewChain(counter), probe),
            new LoggingExceptionHandler(FaultPolicy.LogAndHalt, NullLogger.Instance), 256);
        ring.AddGatingSequences(processor.Sequence);
        var feed = new SyntheticMarketFeed(
            new SyntheticFeedOptions { MaxEventsPerThread = Events, RateEventsPerSecond = 0 }, threadIndex: 0, new RingMarketDataSink(ring));
        var loop = WorkerThread.Start("loop", processor.Run);

        var producer = WorkerThread.Start("feed", () => feed.Run(CancellationToken.None));
        producer.Join(TestTimeouts.LongRun);
        processor.Halt();
        loop.Join(TestTimeouts.LongRun);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counter.Total, Is.EqualTo(Events));
            Assert.That(processor.FaultCount, Is.Zero);
            Assert.That(probe.BytesAtWarm, Is.GreaterThanOrEqualTo(0), "the warm-up reading was taken");
            Assert.That(probe.BytesAtLast, Is.EqualTo(probe.BytesAtWarm), "bytes allocated on the loop thread after warm-up");
        }
    }
}
