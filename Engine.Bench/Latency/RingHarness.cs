using System.Globalization;
using System.Text.Json;
using Engine.Ring.WaitStrategies;

namespace Engine.Bench.Latency;

/// <summary>
/// <c>bench ring</c>: throughput, one-way and ping-pong latency of the ring for every wait
/// strategy, pinned and unpinned, plus the two-thread floor. One line per measurement, a JSON
/// file of everything, and the headline JSON as the last line on stdout.
/// </summary>
internal static class RingHarness
{
    private const long OneWayIntervalNs = 1_000;

    public static int Run(string[] args)
    {
        var settings = RingHarnessSettings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine(RingHarnessSettings.Usage);
            return 64;
        }
        var started = DateTime.UtcNow;
        WarmUp(settings);
        var floor = Median(Repeat(settings.Runs, () => FloorTopology.Run(pinned: true, settings.Duration)));
        Print($"floor ping-pong pinned: {floor.Summary()}");

        var scenarios = new List<ScenarioResult>();
        foreach (bool pinned in new[] { true, false })
        {
            foreach (var wait in settings.WaitStrategies)
            {
                scenarios.Add(RunScenario(settings, wait, pinned));
            }
        }

        var report = new RingReport(started.ToString("O", CultureInfo.InvariantCulture), MachineDescription(), settings.Runs, settings.Events, floor, [.. scenarios]);
        Directory.CreateDirectory(settings.OutputDirectory);
        string file = Path.GetFullPath(Path.Combine(settings.OutputDirectory, $"bench-ring-{started:yyyyMMdd-HHmmss}.json"));
        File.WriteAllText(file, JsonSerializer.Serialize(report, BenchJsonContext.Default.RingReport));

        var headline = scenarios.Find(s => s.Pinned && s.WaitStrategy == nameof(WaitStrategyKind.BusySpin)) ?? scenarios[0];
        var summary = new RingSummary(headline.ThroughputEventsPerS, Percentiles.From(headline.OneWayNs), Percentiles.From(headline.PingPongNs), Percentiles.From(floor), file);
        Console.WriteLine(JsonSerializer.Serialize(summary, BenchJsonContext.Default.RingSummary));
        return 0;
    }

    /// <summary>
    /// Runs every topology once, unpinned and unmeasured, so the JIT has produced optimised code
    /// before the measured runs: pinned spinning threads would otherwise starve its background thread.
    /// </summary>
    private static void WarmUp(RingHarnessSettings settings)
    {
        var brief = TimeSpan.FromMilliseconds(Math.Min(300, settings.Duration.TotalMilliseconds));
        FloorTopology.Run(pinned: false, brief);
        foreach (var wait in settings.WaitStrategies)
        {
            ThroughputTopology.Run(wait, pinned: false, Math.Min(settings.Events, 5_000_000));
            OneWayTopology.Run(wait, pinned: false, reversed: false, brief, OneWayIntervalNs);
            PingPongTopology.Run(wait, pinned: false, brief);
        }
        Thread.Sleep(500); // let the tier-1 compilations finish
    }

    private static ScenarioResult RunScenario(RingHarnessSettings settings, WaitStrategyKind wait, bool pinned)
    {
        string name = $"{wait} {(pinned ? "pinned" : "unpinned")}";
        var throughputRuns = Repeat(settings.Runs, () => ThroughputTopology.Run(wait, pinned, settings.Events));
        double throughput = Median(throughputRuns);
        Print($"{name,-18} throughput 1P-1C: median {throughput / 1e6:F1} M events/s (runs: {string.Join(", ", throughputRuns.Select(r => (r / 1e6).ToString("F1", CultureInfo.InvariantCulture)))})");
        // Pinned, each run also the other way between the cores, right after it: the same stretch of time.
        var oneWayRuns = new List<LatencyStats>(settings.Runs);
        var reversedRuns = new List<LatencyStats>(settings.Runs);
        for (int i = 0; i < settings.Runs; i++)
        {
            oneWayRuns.Add(OneWayTopology.Run(wait, pinned, reversed: false, settings.Duration, OneWayIntervalNs));
            if (pinned)
            {
                reversedRuns.Add(OneWayTopology.Run(wait, pinned, reversed: true, settings.Duration, OneWayIntervalNs));
            }
        }
        var oneWay = Median(oneWayRuns);
        Print($"{name,-18} one-way:   {oneWay.Summary()}");
        LatencyStats? oneWayReversed = pinned ? Median(reversedRuns) : null;
        if (oneWayReversed is not null)
        {
            Print($"{name,-18} one-way, the cores swapped (consumer on CPU {Pinning.ProducerCpu}): {oneWayReversed.Summary()}");
        }
        var pingPong = Median(Repeat(settings.Runs, () => PingPongTopology.Run(wait, pinned, settings.Duration)));
        Print($"{name,-18} ping-pong: {pingPong.Summary()}");
        return new ScenarioResult(wait.ToString(), pinned, throughput, [.. throughputRuns], oneWay, oneWayReversed, pingPong);
    }

    private static List<T> Repeat<T>(int runs, Func<T> run)
    {
        var results = new List<T>(runs);
        for (int i = 0; i < runs; i++)
        {
            results.Add(run());
        }
        return results;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Each percentile is the median of that percentile over the runs.</summary>
    private static LatencyStats Median(List<LatencyStats> runs)
    {
        long M(Func<LatencyStats, long> field) => (long)Median(runs.Select(r => (double)field(r)).ToList());
        return new LatencyStats(runs.Sum(r => r.Count), M(r => r.P50Ns), M(r => r.P90Ns), M(r => r.P99Ns), M(r => r.P999Ns), M(r => r.P9999Ns), M(r => r.MaxNs));
    }

    private static void Print(string line) => Console.WriteLine(line);

    /// <summary>Cores, CPU model and runtime, for the reports.</summary>
    internal static string MachineDescription()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        return $"{Environment.ProcessorCount} cores, {cpu}, .NET {Environment.Version}";
    }
}
