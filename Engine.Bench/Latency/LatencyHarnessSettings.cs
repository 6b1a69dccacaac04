using System.Globalization;
using Engine.Ring.WaitStrategies;
using Engine.Strategies;

namespace Engine.Bench.Latency;

/// <summary>Command-line settings of <c>bench latency</c>.</summary>
/// <param name="RatePerSecond">Offered market events per second (open loop).</param>
/// <param name="Duration">Length of each measured run, summed over its segments.</param>
/// <param name="Warmup">Length of each segment's warm-up before it is measured, at the same rate, not measured.</param>
/// <param name="RingDuration">Length of the bare ring's one-way measurement, summed over the segments.</param>
/// <param name="WaitStrategies">The inbound ring's wait strategies to compare, one run each (the first is the headline).</param>
/// <param name="OutputDirectory">Where the .hgrm files, the plots and the JSON report go.</param>
/// <param name="Strategy">The strategy: <see cref="BenchPipeline.EveryNth"/> or a <see cref="StrategyKind"/> name.</param>
/// <param name="OrderEvery">For <see cref="BenchPipeline.EveryNth"/>: one order every this many market events.</param>
/// <param name="RingSlots">The inbound ring's slots (<c>ring.slots</c>; the engine's default unless given).</param>
/// <param name="ProducerYieldEveryUs">The producer, when ahead of time, yields its CPU this often (microseconds; 0: only when more than 20 us ahead).</param>
/// <param name="Runs">Runs per wait strategy; with more than one, the run with the median tick-to-trade p50 heads the summary.</param>
/// <param name="Segments">
/// Each run alternates this many times between the bare ring and a freshly built pipeline, so that the two
/// are measured over the same stretch of time: on a virtual machine the cost of a trip between the cores
/// moves with the host, for seconds at a time.
/// </param>
internal sealed record LatencyHarnessSettings(
    long RatePerSecond,
    TimeSpan Duration,
    TimeSpan Warmup,
    TimeSpan RingDuration,
    WaitStrategyKind[] WaitStrategies,
    string OutputDirectory,
    string Strategy,
    int OrderEvery,
    int RingSlots,
    long ProducerYieldEveryUs,
    int Runs,
    int Segments)
{
    public const string Usage = "usage: bench latency [--rate R] [--duration-s N] [--warmup-s N] [--wait BusySpin|Yielding|Sleeping|Blocking|all] [--out DIR] [--strategy EveryNth|NAME] [--order-every N] [--ring-slots N] [--yield-every-us N] [--runs N] [--segments N] [--quick]";

    /// <summary>
    /// The defaults: 1 M events/s for 10 s in five segments of 2 s, each after 1 s of warm-up, with 0.4 s
    /// of bare ring before each; busy-spin, an order every 100 events, the engine's ring size, and the
    /// producer yielding every 50 us when ahead (measured against 0, 20 and 100 us in PERFORMANCE.md).
    /// </summary>
    public static LatencyHarnessSettings Default { get; } = new(
        RatePerSecond: 1_000_000,
        Duration: TimeSpan.FromSeconds(10),
        Warmup: TimeSpan.FromSeconds(1),
        RingDuration: TimeSpan.FromSeconds(2),
        WaitStrategies: [WaitStrategyKind.BusySpin],
        OutputDirectory: "results",
        Strategy: BenchPipeline.EveryNth,
        OrderEvery: 100,
        RingSlots: new Ring.RingOptions().Slots,
        ProducerYieldEveryUs: 50,
        Runs: 1,
        Segments: 5);

    /// <summary>Parses <paramref name="args"/>; null when one is unknown or has a bad value.</summary>
    public static LatencyHarnessSettings? Parse(string[] args)
    {
        var settings = Default;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--quick":
                    settings = settings with { Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(0.3), RingDuration = TimeSpan.FromSeconds(0.2), Segments = 2 };
                    continue;
                case "--rate" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long rate) && rate is > 0 and <= 100_000_000:
                    settings = settings with { RatePerSecond = rate };
                    break;
                case "--duration-s" when TryParseSeconds(value, out var duration):
                    settings = settings with { Duration = duration };
                    break;
                case "--warmup-s" when TryParseSeconds(value, out var warmup):
                    settings = settings with { Warmup = warmup };
                    break;
                case "--wait" when string.Equals(value, "all", StringComparison.OrdinalIgnoreCase):
                    settings = settings with { WaitStrategies = Enum.GetValues<WaitStrategyKind>() };
                    break;
                case "--wait" when Enum.TryParse(value, ignoreCase: true, out WaitStrategyKind wait) && Enum.IsDefined(wait):
                    settings = settings with { WaitStrategies = [wait] };
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    settings = settings with { OutputDirectory = value };
                    break;
                case "--strategy" when ParseStrategy(value) is { } strategy:
                    settings = settings with { Strategy = strategy };
                    break;
                case "--order-every" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int every) && every > 0:
                    settings = settings with { OrderEvery = every };
                    break;
                case "--ring-slots" when TryParseSlots(value, out int slots):
                    settings = settings with { RingSlots = slots };
                    break;
                case "--yield-every-us" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long yieldUs) && yieldUs <= 1_000_000:
                    settings = settings with { ProducerYieldEveryUs = yieldUs };
                    break;
                case "--runs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int runs) && runs is > 0 and <= 20:
                    settings = settings with { Runs = runs };
                    break;
                case "--segments" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int segments) && segments is > 0 and <= 100:
                    settings = settings with { Segments = segments };
                    break;
                default:
                    return null;
            }
            i++;
        }
        return settings;
    }

    /// <summary>The canonical name of a strategy the harness can run: <see cref="BenchPipeline.EveryNth"/> or a built-in one other than None (not Plugin: the harness reads no configuration to name one); null otherwise.</summary>
    public static string? ParseStrategy(string? value)
    {
        if (string.Equals(value, BenchPipeline.EveryNth, StringComparison.OrdinalIgnoreCase))
        {
            return BenchPipeline.EveryNth;
        }
        return Enum.TryParse(value, ignoreCase: true, out StrategyKind kind) && Enum.IsDefined(kind) && kind is not (StrategyKind.None or StrategyKind.Plugin) && !int.TryParse(value, CultureInfo.InvariantCulture, out _)
            ? kind.ToString()
            : null;
    }

    /// <summary>A ring size: a power of two from 1,024 to 4,194,304.</summary>
    public static bool TryParseSlots(string? value, out int slots) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out slots) && slots is >= 1_024 and <= 4_194_304 && int.IsPow2(slots);

    /// <summary>Seconds, 0.1 to 3600, as a duration.</summary>
    public static bool TryParseSeconds(string? value, out TimeSpan duration)
    {
        bool ok = double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) && seconds is >= 0.1 and <= 3_600;
        duration = ok ? TimeSpan.FromSeconds(seconds) : default;
        return ok;
    }
}
