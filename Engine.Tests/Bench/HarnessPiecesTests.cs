using System.Diagnostics;
using Engine.Admin;
using Engine.Bench.Latency;
using Engine.Book;
using Engine.Metrics;
using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Risk;
using Engine.Slippage;
using Engine.Strategies;
using Engine.Tests.Book;
using Engine.Tests.Support;
using Engine.Venues;
using Feeds;
using Feeds.Synthetic;
using HdrHistogram;

namespace Engine.Tests.Bench;

/// <summary>The latency harness's producer, venue probe and strategy, driven by hand.</summary>
public sealed class HarnessPiecesTests
{
    [Test]
    public void Run_Paced_StampsEachEventWithTheTimeItWasDue()
    {
        var ring = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 1_024, new BusySpinWaitStrategy());
        var producer = new PacedProducer(ring, MarketRecording.Record(new SyntheticFeedOptions { Instruments = 2 }, 1_000));
        // Every event is already due: the run does not wait, and the stamps are the schedule.
        long start = Stopwatch.GetTimestamp() - Stopwatch.Frequency;
        const long Rate = 1_000;

        var run = producer.Run(100, Rate, start);

        Assert.That(run.Events, Is.EqualTo(100));
        Assert.That(producer.Published, Is.EqualTo(100));
        Assert.That(ring.Cursor, Is.EqualTo(99));
        for (long n = 0; n < 100; n++)
        {
            Assert.That(ring[n].Kind, Is.EqualTo(InboundKind.MarketData));
            Assert.That(ring[n].TsPublishTicks, Is.EqualTo(start + (n * Stopwatch.Frequency / Rate)), $"event {n}");
        }
        Assert.That(run.MaxLagTicks, Is.GreaterThan(0));
    }

    [Test]
    public void Run_TwoRuns_ContinueTheSameMarket()
    {
        var ringA = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 1_024, new BusySpinWaitStrategy());
        var ringB = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 1_024, new BusySpinWaitStrategy());
        var split = new PacedProducer(ringA, MarketRecording.Record(new SyntheticFeedOptions { Instruments = 2 }, 1_000));
        var whole = new PacedProducer(ringB, MarketRecording.Record(new SyntheticFeedOptions { Instruments = 2 }, 1_000));

        split.Run(30, 0, 0);
        split.Run(20, 0, 0);
        whole.Run(50, 0, 0);

        for (long n = 0; n < 50; n++)
        {
            Assert.That(ringA[n].Market.OrderId, Is.EqualTo(ringB[n].Market.OrderId), $"event {n}");
            Assert.That(ringA[n].Market.Kind, Is.EqualTo(ringB[n].Market.Kind), $"event {n}");
        }
    }

    [Test]
    public void OnCommand_NewOrder_RecordsSentMinusOriginAndPassesEveryCallOn()
    {
        var recorder = new LatencyRecorder(1_000_000);
        recorder.Open(0, long.MaxValue);
        var inner = new CountingVenue();
        var probe = new TickToTradeProbe(inner, recorder);
        var order = new OrderCommand { Kind = OrderCommandKind.New, TsOriginTicks = 1_000, TsSentTicks = 1_450 };
        var cancel = new OrderCommand { Kind = OrderCommandKind.Cancel, TsOriginTicks = 1_000, TsSentTicks = 9_000 };

        probe.OnCommand(ref order, inner);
        probe.OnCommand(ref cancel, inner);
        probe.OnIdle(inner);

        Assert.That(recorder.Histogram.TotalCount, Is.EqualTo(1));
        Assert.That(recorder.Histogram.GetMaxValue(), Is.EqualTo(450));
        Assert.That((inner.Commands, inner.Idles), Is.EqualTo((2, 1)));
    }

    [TestCase(1_024, 1_024)]
    [TestCase(2_048, 2_048)]
    [TestCase(65_536, 4_096)]
    public void Options_EveryRingSizeTheHarnessAccepts_Validate(int slots, int batch)
    {
        var options = BenchPipeline.Options(WaitStrategyKind.BusySpin, BenchPipeline.EveryNth, slots);

        Assert.That(options.Validate(), Is.Empty);
        Assert.That(options.Ring.MaxBatchSize, Is.EqualTo(batch));
    }

    [Test]
    public void OnMarketData_EveryThirdEvent_SendsAnIocAtTheTouchAlternatingSides()
    {
        var clock = new ManualClock(1_767_623_400_000_000_000);
        var books = new OrderBooks(new BookOptions { Instruments = 2 });
        var options = BenchPipeline.Options(WaitStrategyKind.BusySpin, BenchPipeline.EveryNth, 65_536);
        var risk = RiskStage.Create(options.Risk, new SlippageOptions(), new PositionsOptions(), books, new Mailbox<RiskLimits>(), clock);
        var outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 64, new YieldingWaitStrategy());
        outbound.AddGatingSequences(new Sequence());
        var router = new RouterStage(risk, new OrderTable(64), outbound, new ClientOrderIds(1), clock);
        var strategy = new EveryNthStrategy(3, 100);
        var stage = new StrategyStage(strategy, new StrategyContext(books, risk, router.Ids, clock), new Mailbox<StrategyOptions>());
        var chain = new HandlerChain(books, risk, stage, new TwapStage(clock, router.Ids, new Mailbox<TwapParent>(), new AdminMailbox(64)), router, venue: null, new EventCounter());

        for (long n = 0; n < 9; n++)
        {
            var e = new InboundEvent { Kind = InboundKind.MarketData, Market = BookEvents.Quote(9_990 - n, 500, 10_010 + n, 500) };
            chain.OnEvent(ref e, n, endOfBatch: true);
        }

        Assert.That((strategy.Submitted, strategy.Refused, strategy.Skipped), Is.EqualTo((3L, 0L, 0L)));
        Assert.That(router.Snapshot.Sent, Is.EqualTo(3));
        var sides = new List<(Side, long, TimeInForce)>();
        for (long s = 0; s <= outbound.Cursor; s++)
        {
            sides.Add((outbound[s].Side, outbound[s].LimitPriceTicks, outbound[s].TimeInForce));
        }
        Assert.That(sides, Is.EqualTo(new[] { (Side.Buy, 10_012L, TimeInForce.Ioc), (Side.Sell, 9_985L, TimeInForce.Ioc), (Side.Buy, 10_018L, TimeInForce.Ioc) }));
    }

    [Test]
    public void OnMarketData_NoOppositeSide_SkipsAndCounts()
    {
        var clock = new ManualClock(1_767_623_400_000_000_000);
        var books = new OrderBooks(new BookOptions { Instruments = 1 });
        var risk = RiskStage.Create(new RiskOptions(), new SlippageOptions(), new PositionsOptions(), books, new Mailbox<RiskLimits>(), clock);
        var context = new StrategyContext(books, risk, new ClientOrderIds(1), clock);
        var strategy = new EveryNthStrategy(1, 100);
        var bidOnly = BookEvents.Add(1, Side.Buy, 9_990, 100);
        books.Apply(ref bidOnly);

        strategy.OnMarketData(in bidOnly, context);

        Assert.That((strategy.Submitted, strategy.Skipped), Is.EqualTo((0L, 1L)));
        Assert.That(strategy.TopRefusal(), Is.EqualTo((RiskRejectReason.None, 0L)));
    }

    private sealed class CountingVenue : IVenueHandler, IExecutionSink
    {
        public int Commands { get; private set; }

        public int Idles { get; private set; }

        public void OnCommand(ref OrderCommand command, IExecutionSink reports) => Commands++;

        public void OnIdle(IExecutionSink reports) => Idles++;

        public void Publish(in ExecutionReport report)
        {
        }
    }
}
