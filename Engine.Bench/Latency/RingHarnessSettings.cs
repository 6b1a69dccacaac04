using System.Globalization;
using Engine.Ring.WaitStrategies;

namespace Engine.Bench.Latency;

/// <summary>Command-line settings of <c>bench ring</c>.</summary>
internal sealed record RingHarnessSettings(int Runs, long Events, TimeSpan Duration, string OutputDirectory, WaitStrategyKind[] WaitStrategies)
{
    public const string Usage = "usage: bench ring [--quick] [--runs N] [--events N] [--duration-ms N] [--out DIR] [--wait BusySpin|Yielding|Sleeping|Blocking]";

    public static RingHarnessSettings? Parse(string[] args)
    {
        var settings = new RingHarnessSettings(Runs: 3, Events: 50_000_000, Duration: TimeSpan.FromSeconds(1), OutputDirectory: "results", WaitStrategies: Enum.GetValues<WaitStrategyKind>());
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--quick":
                    settings = settings with { Runs = 1, Events = 1_000_000, Duration = TimeSpan.FromMilliseconds(100) };
                    break;
                case "--runs" when int.TryParse(value, CultureInfo.InvariantCulture, out int runs) && runs > 0:
                    settings = settings with { Runs = runs };
                    i++;
                    break;
                case "--events" when long.TryParse(value, CultureInfo.InvariantCulture, out long events) && events > 0:
                    settings = settings with { Events = events };
                    i++;
                    break;
                case "--duration-ms" when int.TryParse(value, CultureInfo.InvariantCulture, out int ms) && ms > 0:
                    settings = settings with { Duration = TimeSpan.FromMilliseconds(ms) };
                    i++;
                    break;
                case "--wait" when Enum.TryParse(value, ignoreCase: true, out WaitStrategyKind wait):
                    settings = settings with { WaitStrategies = [wait] };
                    i++;
                    break;
                case "--out" when value is not null:
                    settings = settings with { OutputDirectory = value };
                    i++;
                    break;
                default:
                    return null;
            }
        }
        return settings;
    }
}
