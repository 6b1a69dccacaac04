using System.Globalization;

namespace Engine.Bench.Latency;

/// <summary>Command-line settings of <c>bench inplace</c>.</summary>
internal sealed record InPlaceHarnessSettings(int Runs, long Events, long Rate, int OrderEvery)
{
    public const string Usage = "usage: bench inplace [--quick] [--runs N] [--events N] [--rate EVENTS_PER_S] [--order-every N]";

    /// <summary>Three runs of 3,000,000 events (the first third warms up) at 1,000,000 a second, an order every 100th.</summary>
    public static InPlaceHarnessSettings Default { get; } = new(Runs: 3, Events: 3_000_000, Rate: 1_000_000, OrderEvery: 100);

    /// <summary>The settings <paramref name="args"/> give, or null when one is unknown or out of range.</summary>
    public static InPlaceHarnessSettings? Parse(string[] args)
    {
        var settings = Default;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            bool isNumber = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number > 0;
            switch (args[i])
            {
                case "--quick":
                    settings = settings with { Runs = 1, Events = 300_000 };
                    break;
                case "--runs" when isNumber && number <= 100:
                    settings = settings with { Runs = (int)number };
                    i++;
                    break;
                case "--events" when isNumber && number >= 3:
                    settings = settings with { Events = number };
                    i++;
                    break;
                case "--rate" when isNumber && number <= 10_000_000:
                    settings = settings with { Rate = number };
                    i++;
                    break;
                case "--order-every" when isNumber && number <= 1_000_000:
                    settings = settings with { OrderEvery = (int)number };
                    i++;
                    break;
                default:
                    return null;
            }
        }
        return settings;
    }
}
