using System.Diagnostics;
using System.Text.Json;
using Engine.Host;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Ring.WaitStrategies;
using Engine.Venues;
using HdrHistogram;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Bench.Latency;

/// <summary>
/// <c>bench inplace</c>: the pipeline's own work per event on the loop's core, with no trip between
/// cores before it. The engine's pipeline (<see cref="EnginePipeline"/>, the stages the engine runs, with
/// the harness's <see cref="EveryNthStrategy"/>) is stepped on the calling thread, pinned to the loop's
/// CPU, which also publishes each market event, one every 1/rate s as <c>bench latency</c> offers them.
/// The paper venue is a stage of the chain, as in the engine; its reports come back through the
/// inbound ring and are handled between market events.
/// </summary>
/// <remarks>
/// <para>Two measures, from the start of the chain (after the publish, with this thread's stores
/// drained, as the spinning loop's are when an event arrives):</para>
/// <list type="bullet">
/// <item><c>market_event</c>: the end of the chain, end of batch included (every event is its own batch at this rate), for events that sent nothing;</item>
/// <item><c>chain_to_send</c>: the order's command written to the outbound ring, for events that sent an order.</item>
/// </list>
/// <para><c>chain_to_send</c> is what an order event's handling adds to the ring's one-way trip in
/// <c>bench latency</c> when the cores cost nothing (each ends with one clock read): the part of the p50
/// bar the code decides, against the 300 ns allowed. The host's placement of the two vCPUs moves
/// <c>bench latency</c>'s figures much more than these.</para>
/// </remarks>
internal static class InPlaceHarness
{
    public static int Run(string[] args)
    {
        var settings = InPlaceHarnessSettings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine(InPlaceHarnessSettings.Usage);
            return 64;
        }
        Pinning.Apply(pinned: true, Pinning.ConsumerCpu);
        var market = MarketRecording.Record(BenchPipeline.Market, MarketRecording.DefaultEvents);
        var runs = new List<InPlaceRun>(settings.Runs);
        for (int run = 1; run <= settings.Runs; run++)
        {
            var result = Measure(settings, market);
            runs.Add(result);
            Console.WriteLine($"run {run}: market event {result.MarketEvent.Summary()}");
            Console.WriteLine($"run {run}: chain to send {result.ChainToSend.Summary()} (submitted {result.Submitted}, refused {result.Refused})");
        }
        var median = runs.OrderBy(r => r.ChainToSend.P50Ns).ElementAt(runs.Count / 2);
        Console.WriteLine($"median run by chain-to-send p50: {median.ChainToSend.P50Ns} ns (bench latency allows tick-to-trade 300 ns above the bare ring)");
        var summary = new InPlaceSummary(settings.Rate, settings.OrderEvery, runs.Count, median.MarketEvent, median.ChainToSend);
        Console.WriteLine(JsonSerializer.Serialize(summary, BenchJsonContext.Default.InPlaceSummary));
        return 0;
    }

    /// <summary>One run on a fresh pipeline: the first third of the events warms it, the rest is measured.</summary>
    private static InPlaceRun Measure(InPlaceHarnessSettings settings, MarketRecording market)
    {
        var options = BenchPipeline.Options(WaitStrategyKind.BusySpin, BenchPipeline.EveryNth, ringSlots: 65_536);
        var strategy = new EveryNthStrategy(settings.OrderEvery, quantity: 100);
        var pipeline = new EnginePipeline(options, VenueKind.Paper, new SystemClock(), strategy, NullLogger.Instance, watchAnswers: true);
        var processor = pipeline.Processor;
        var producer = new PacedProducer(pipeline.Ring, market);
        var marketEvent = LatencyStats.NewHistogram();
        var chainToSend = LatencyStats.NewHistogram();
        long interval = Math.Max(1, Stopwatch.Frequency / settings.Rate);
        long measureFrom = settings.Events / 3;
        long due = Stopwatch.GetTimestamp();
        for (long n = 0; n < settings.Events; n++)
        {
            // The venue's reports, as the loop handles them between market events; all of them even
            // when behind time, or they would pile up in the inbound ring until it was full.
            due = Math.Max(due + interval, Stopwatch.GetTimestamp());
            do
            {
                processor.RunAvailable(int.MaxValue);
            }
            while (Stopwatch.GetTimestamp() < due);
            long commandsBefore = pipeline.Outbound.Cursor;
            producer.Run(1, ratePerSecond: 0, startTicks: 0);
            long sequence = pipeline.Ring.Cursor;
            // A report still in the ring is handled first: that event is not measured.
            bool alone = processor.Sequence.Value == sequence - 1;
            // The loop meets an event with its stores long written (it was spinning); so must this thread,
            // or the chain's first loads would wait behind the publish's stores to lines not yet in its cache.
            Interlocked.MemoryBarrier();
            long start = Stopwatch.GetTimestamp();
            processor.RunAvailable(1);
            long end = Stopwatch.GetTimestamp();
            if (n >= measureFrom && alone)
            {
                long sent = SentTicks(pipeline, commandsBefore);
                (sent > 0 ? chainToSend : marketEvent).RecordValue((sent > 0 ? sent : end) - start);
            }
        }
        if (processor.State != Ring.ProcessorState.Idle)
        {
            throw new InvalidOperationException($"the chain stopped: {processor.State}");
        }
        return new InPlaceRun(LatencyStats.From(marketEvent), LatencyStats.From(chainToSend), strategy.Submitted, strategy.Refused);
    }

    /// <summary>The send stamp of the first new order written after <paramref name="before"/>, or 0.</summary>
    private static long SentTicks(EnginePipeline pipeline, long before)
    {
        for (long s = before + 1; s <= pipeline.Outbound.Cursor; s++)
        {
            ref readonly var command = ref pipeline.Outbound[s];
            if (command.Kind == OrderCommandKind.New)
            {
                return command.TsSentTicks;
            }
        }
        return 0;
    }

    private sealed record InPlaceRun(LatencyStats MarketEvent, LatencyStats ChainToSend, long Submitted, long Refused);
}
