using System.Diagnostics;
using System.Text.Json;

namespace Engine.Bench.Latency;

/// <summary>
/// <c>bench throughput</c>: the highest event rate the full pipeline sustains. First the producer
/// publishes unpaced (as fast as the ring takes events) and the loop's rate is measured; then a
/// search over offered rates below it (halving until one is sustained, then bisecting), each trial
/// paced and open loop, keeps the highest rate that was sustainable: the loop achieved at least 98% of it and the ring held less
/// than a quarter of its slots when the producer finished (a ring that stays full is not keeping up).
/// Prints one line per trial and the JSON summary last.
/// </summary>
internal static class ThroughputHarness
{
    /// <summary>Issue 7's bar for the full pipeline, events per second.</summary>
    public const long BarRate = 5_000_000;

    private const double SustainedFraction = 0.98;
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(60);

    public static int Run(string[] args)
    {
        var settings = ThroughputHarnessSettings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine(ThroughputHarnessSettings.Usage);
            return 64;
        }
        var market = MarketRecording.Record(BenchPipeline.Market, MarketRecording.DefaultEvents);
        using var pipeline = new BenchPipeline(settings.Wait, settings.Strategy, settings.OrderEvery, settings.RingSlots, market);
        Pinning.Apply(pinned: true, Pinning.ProducerCpu);
        pipeline.Producer.Run(Math.Min(settings.UnpacedEvents, 2_000_000), 0, Stopwatch.GetTimestamp());
        Drain(pipeline);
        Thread.Sleep(500); // let the tier-1 compilations finish while the loop idles

        int gcBefore = GC.CollectionCount(0);
        long start = Stopwatch.GetTimestamp();
        pipeline.Producer.Run(settings.UnpacedEvents, 0, start);
        Drain(pipeline);
        double unpaced = settings.UnpacedEvents / Seconds(Stopwatch.GetTimestamp() - start);
        Console.WriteLine($"unpaced: {unpaced:N0} events/s over {settings.UnpacedEvents:N0} events");

        var trials = new List<ThroughputTrial>();
        long low = 0; // the highest rate sustained so far (0: none yet)
        long high = (long)unpaced;
        long best = 0;
        for (int step = 0; step < settings.Steps; step++)
        {
            // The first trial asks for the unpaced rate itself; then halve until one is sustained, and bisect.
            long offered = step == 0 ? high : low > 0 ? (low + high) / 2 : high / 2;
            var trial = Trial(pipeline, offered, settings.TrialDuration);
            trials.Add(trial);
            Console.WriteLine($"offered {trial.OfferedRate:N0}/s: achieved {trial.AchievedRate:N0}/s, ring at end {trial.EndOccupancy}, worst producer lag {trial.MaxLagNs:N0} ns: {(trial.Sustainable ? "sustained" : "not sustained")}");
            if (trial.Sustainable)
            {
                best = Math.Max(best, offered);
                low = offered;
                if (step == 0)
                {
                    break;
                }
            }
            else
            {
                high = offered;
            }
        }
        int gc = GC.CollectionCount(0) - gcBefore;
        double load = HistogramFiles.LoadAverage1m();
        if (!pipeline.Stop())
        {
            Console.Error.WriteLine("the engine did not stop cleanly");
        }
        var summary = new ThroughputSummary(unpaced, best, BarRate, best >= BarRate, settings.Wait.ToString(), settings.Strategy, load, gc, [.. trials]);
        Console.WriteLine(JsonSerializer.Serialize(summary, BenchJsonContext.Default.ThroughputSummary));
        return 0;
    }

    private static ThroughputTrial Trial(BenchPipeline pipeline, long offered, TimeSpan duration)
    {
        long events = Math.Max(1_000, (long)(offered * duration.TotalSeconds));
        long start = Stopwatch.GetTimestamp();
        var run = pipeline.Producer.Run(events, offered, start);
        long occupancy = pipeline.Host.Status().RingOccupancy;
        Drain(pipeline);
        double achieved = events / Seconds(Stopwatch.GetTimestamp() - start);
        bool sustainable = achieved >= SustainedFraction * offered && occupancy < pipeline.Host.Status().RingSlots / 4;
        return new ThroughputTrial(offered, achieved, occupancy, LatencyStats.TicksToNs(run.MaxLagTicks), sustainable);
    }

    private static double Seconds(long ticks) => Math.Max(ticks, 1) / (double)Stopwatch.Frequency;

    private static void Drain(BenchPipeline pipeline)
    {
        if (!pipeline.WaitDrained(s_drainTimeout))
        {
            throw new TimeoutException($"the loop did not handle every event within {s_drainTimeout.TotalSeconds} s (state {pipeline.Host.LoopState})");
        }
    }
}
