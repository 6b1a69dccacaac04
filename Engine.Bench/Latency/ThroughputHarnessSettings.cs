using System.Globalization;
using Engine.Ring.WaitStrategies;

namespace Engine.Bench.Latency;

/// <summary>Command-line settings of <c>bench throughput</c>.</summary>
/// <param name="UnpacedEvents">Events of the unpaced run, the search's starting point.</param>
/// <param name="TrialDuration">Length of each paced trial.</param>
/// <param name="Steps">Paced trials of the search.</param>
/// <param name="Wait">The inbound ring's wait strategy.</param>
/// <param name="Strategy">The strategy, as for <c>bench latency</c>.</param>
/// <param name="OrderEvery">For the harness's strategy: one order every this many market events.</param>
/// <param name="RingSlots">The inbound ring's slots (<c>ring.slots</c>; the engine's default unless given).</param>
internal sealed record ThroughputHarnessSettings(long UnpacedEvents, TimeSpan TrialDuration, int Steps, WaitStrategyKind Wait, string Strategy, int OrderEvery, int RingSlots)
{
    public const string Usage = "usage: bench throughput [--events N] [--trial-s N] [--steps N] [--wait BusySpin|Yielding|Sleeping|Blocking] [--strategy EveryNth|NAME] [--order-every N] [--ring-slots N] [--quick]";

    /// <summary>The defaults: 20 M unpaced events, then seven 1-second trials, busy-spin, an order every 100 events.</summary>
    public static ThroughputHarnessSettings Default { get; } = new(20_000_000, TimeSpan.FromSeconds(1), 7, WaitStrategyKind.BusySpin, BenchPipeline.EveryNth, 100, new Ring.RingOptions().Slots);

    /// <summary>Parses <paramref name="args"/>; null when one is unknown or has a bad value.</summary>
    public static ThroughputHarnessSettings? Parse(string[] args)
    {
        var settings = Default;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--quick":
                    settings = settings with { UnpacedEvents = 1_000_000, TrialDuration = TimeSpan.FromSeconds(0.2), Steps = 3 };
                    continue;
                case "--events" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long events) && events >= 1_000:
                    settings = settings with { UnpacedEvents = events };
                    break;
                case "--trial-s" when LatencyHarnessSettings.TryParseSeconds(value, out var trial):
                    settings = settings with { TrialDuration = trial };
                    break;
                case "--steps" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int steps) && steps is >= 1 and <= 30:
                    settings = settings with { Steps = steps };
                    break;
                case "--wait" when Enum.TryParse(value, ignoreCase: true, out WaitStrategyKind wait) && Enum.IsDefined(wait):
                    settings = settings with { Wait = wait };
                    break;
                case "--strategy" when LatencyHarnessSettings.ParseStrategy(value) is { } strategy:
                    settings = settings with { Strategy = strategy };
                    break;
                case "--order-every" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int every) && every > 0:
                    settings = settings with { OrderEvery = every };
                    break;
                case "--ring-slots" when LatencyHarnessSettings.TryParseSlots(value, out int slots):
                    settings = settings with { RingSlots = slots };
                    break;
                default:
                    return null;
            }
            i++;
        }
        return settings;
    }
}
