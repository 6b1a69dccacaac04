using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Engine.Book;
using Engine.Metrics;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Risk;
using Engine.Slippage;
using Engine.Venues;
using Engine.Venues.Paper;
using Feeds;
using Feeds.Synthetic;
using HdrHistogram;

namespace Engine.Bench.Latency;

/// <summary>
/// <c>bench orders</c>: order intents through risk, router, outbound ring and paper venue, and the
/// acknowledgements back through the inbound ring. A driver thread offers one intent trigger every
/// 1/rate seconds (open loop); the loop's strategy turns each into a market order (alternating
/// sides, so the position stays near flat); the latency is from the trigger's intended time to the
/// loop handling the venue's acknowledgement, so a stalled loop counts against itself
/// (coordinated omission corrected). The paper venue is a stage of the loop's chain, as in the
/// engine, and its acknowledgement comes back through the inbound ring. On two cores the loop
/// busy-spins pinned to one CPU and the driver runs on the other, yielding while it waits for the
/// next intent's time. Prints one line per run and the JSON summary last.
/// </summary>
internal static class OrderPathHarness
{
    private const int Instruments = 4;
    private const int RingSlots = 65_536;

    public static int Run(string[] args)
    {
        long orders = Arg(args, "--orders", 200_000);
        long rate = Arg(args, "--rate", 100_000);
        var warm = Measure(Math.Min(orders, 50_000), rate);
        Console.WriteLine($"warm-up: {warm.Acks} acks");
        var run = Measure(orders, rate);
        Console.WriteLine($"orders: offered {rate:N0}/s, achieved {run.AchievedRate:N0}/s, intent-to-ack {run.Latency.Summary()}, gc={run.GcCollections} allocated={run.AllocatedBytes}B fills={run.Fills}");
        Console.WriteLine($"router's histograms (bucket upper bounds): tick-to-order {run.Router.TickToOrder}, intent-to-ack {run.Router.IntentToAck}");
        var summary = new OrderPathSummary(rate, run.AchievedRate, run.Acks, run.Fills, run.Latency, run.GcCollections, run.AllocatedBytes);
        Console.WriteLine(JsonSerializer.Serialize(summary, BenchJsonContext.Default.OrderPathSummary));
        return 0;
    }

    private static OrderPathRun Measure(long orders, long rate)
    {
        var books = new OrderBooks(new BookOptions { Instruments = Instruments, MaxOrders = 65_536, MaxLevelsPerSide = 256 });
        var clock = new SystemClock();
        var risk = RiskStage.Create(OpenLimits(), new SlippageOptions(), new PositionsOptions(), books, new Mailbox<RiskLimits>(), clock);
        var inbound = RingBuffer<InboundEvent>.Create(ProducerType.Multi, RingSlots, new BusySpinWaitStrategy());
        var outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, RingSlots, new YieldingWaitStrategy());
        var router = new RouterStage(risk, new OrderTable(262_144), outbound, new ClientOrderIds(clock.UtcNowNs()), clock);
        var histogram = LatencyStats.NewHistogram();
        var paper = new PaperVenueStage(new PaperVenueHandler(new PaperMatcher(new PaperVenueOptions(), books)), new VenueInputs(outbound), new BufferedExecutionSink(inbound, 65_536));
        var chain = new OrderPathChain(books, new TriggerStrategy(risk, router, orders), risk, router, paper, new AckProbe(router, histogram, orders));
        var processor = new BatchEventProcessor<InboundEvent, OrderPathChain>(inbound, inbound.NewBarrier(), chain, new HaltingExceptionHandler(), 4_096);
        inbound.AddGatingSequences(processor.Sequence);
        var loop = Pinning.Start("bench-loop", pinned: true, Pinning.ConsumerCpu, processor.Run);

        // A market to trade against: synthetic L3 events until every book has both sides.
        var feed = new SyntheticMarketFeed(new SyntheticFeedOptions { Instruments = Instruments, RateEventsPerSecond = 0, MaxEventsPerThread = 20_000 }, 0, new RingMarketDataSink(inbound));
        feed.Run(CancellationToken.None);
        while (processor.Sequence.Value < inbound.Cursor)
        {
            Thread.Yield();
        }

        Pinning.Apply(pinned: true, Pinning.ProducerCpu);
        int gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long intervalTicks = Math.Max(1, Stopwatch.Frequency / rate);
        long start = Stopwatch.GetTimestamp();
        for (long i = 0; i < orders; i++)
        {
            long due = start + (i * intervalTicks);
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Yield();
            }
            long sequence = inbound.Next();
            ref var slot = ref inbound[sequence];
            slot.Kind = InboundKind.Command;
            slot.Command = ControlCommand.None;
            slot.RequestId = i;
            slot.TsPublishTicks = due; // the intended time: latency counts from here
            inbound.Publish(sequence);
        }
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (chain.Acks.Count < orders && Stopwatch.GetTimestamp() < deadline)
        {
            Thread.Yield();
        }
        double seconds = (double)(chain.Acks.LastAckTicks - start) / Stopwatch.Frequency;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        int gc = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore;
        processor.Halt();
        loop.Join();
        var routerLatencies = new RouterLatencies(Percentiles(router.TickToOrder), Percentiles(router.IntentToAck));
        return new OrderPathRun(chain.Acks.Count, router.Snapshot.Fills, chain.Acks.Count / Math.Max(seconds, 1e-9), LatencyStats.From(histogram), gc, allocated, routerLatencies);
    }

    /// <summary>p50 and p99 of one of the router's own histograms, as <c>metrics</c> and the status line read them.</summary>
    private static string Percentiles(LatencyHistogram histogram)
    {
        var window = new LatencyWindow(histogram);
        window.Advance();
        return $"p50<={window.PercentileNs(0.5)}ns p99<={window.PercentileNs(0.99)}ns n={window.Total}";
    }

    /// <summary>Risk limits wide enough that the checks run in full but refuse nothing a harness sends.</summary>
    internal static RiskOptions OpenLimits() => new()
    {
        MaxGrossNotionalCents = 1_000_000_000_000,
        MaxDailyLossCents = 1_000_000_000_000,
        MaxOpenOrders = 100_000,
        MaxOpenPositions = 100,
        SubmitBurst = 1_000_000,
        SubmitsPerSecond = 1_000_000,
        CancelBurst = 1_000_000,
        CancelsPerSecond = 1_000_000,
        MaxSlippageBps = 10_000,
        Breaker = new BreakerOptions { MaxRejects = 100_000, MaxErrors = 100_000 },
        Defaults = new RiskInstrumentOptions { MaxOrderQuantity = 1_000_000, MaxPositionQuantity = 1_000_000_000, MaxOrderNotionalCents = 1_000_000_000, PriceCollarBps = 10_000 },
    };

    private static long Arg(string[] args, string name, long fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0 ? value : fallback;
    }

    private sealed record OrderPathRun(long Acks, long Fills, double AchievedRate, LatencyStats Latency, int GcCollections, long AllocatedBytes, RouterLatencies Router);

    private sealed record RouterLatencies(string TickToOrder, string IntentToAck);

    /// <summary>Turns each trigger into a 100-lot market order on instrument 0, sides alternating; remembers each order's intended time.</summary>
    private sealed class TriggerStrategy(RiskStage risk, RouterStage router, long orders)
    {
        public long[] IntendedTicks { get; } = new long[orders];

        public long FirstId { get; private set; }

        public void OnTrigger(ref InboundEvent e)
        {
            long id = router.Ids.Next();
            if (e.RequestId == 0)
            {
                FirstId = id;
            }
            IntendedTicks[e.RequestId] = e.TsPublishTicks;
            var side = (e.RequestId & 1) == 0 ? Side.Buy : Side.Sell;
            risk.Submit(new OrderIntent(id, 0, side, OrderType.Market, TimeInForce.Day, 100));
        }
    }

    /// <summary>Records, for each acknowledgement the loop handles, the time since its trigger's intended time.</summary>
    private sealed class AckProbe(RouterStage router, LongHistogram histogram, long orders)
    {
        public long Count { get; private set; }

        public long LastAckTicks { get; private set; }

        public void OnAck(in ExecutionReport report, TriggerStrategy strategy)
        {
            long index = report.ClientOrderId - strategy.FirstId;
            if (report.Kind != ExecutionKind.Accepted || (ulong)index >= (ulong)orders || router.Orders.Find(report.ClientOrderId) < 0)
            {
                return;
            }
            LastAckTicks = Stopwatch.GetTimestamp();
            histogram.RecordValue(Math.Max(0, LastAckTicks - strategy.IntendedTicks[index]));
            Count++;
        }
    }

    /// <summary>Books (the paper venue around them), the trigger strategy, risk, router, the paper venue's commands, then the acknowledgement probe.</summary>
    private readonly struct OrderPathChain(OrderBooks books, TriggerStrategy strategy, RiskStage risk, RouterStage router, PaperVenueStage venue, AckProbe acks) : IEventHandler<InboundEvent>
    {
        public AckProbe Acks => acks;

        public void OnEvent(ref InboundEvent e, long sequence, bool endOfBatch)
        {
            if (e.Kind == InboundKind.MarketData)
            {
                venue.BeforeBook(in e.Market);
                books.OnEvent(ref e);
                venue.AfterBook(in e.Market);
            }
            else if (e.Kind == InboundKind.Command)
            {
                strategy.OnTrigger(ref e);
            }
            risk.OnEvent(ref e, endOfBatch);
            router.OnEvent(ref e);
            venue.TakeCommands();
            if (endOfBatch)
            {
                venue.EndBatch();
                risk.PublishSnapshot();
                router.PublishSnapshot();
            }
            if (e.Kind == InboundKind.Execution)
            {
                acks.OnAck(in e.Execution, strategy);
            }
        }
    }
}
