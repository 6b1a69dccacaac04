namespace Engine.Venues.Paper;

/// <summary>Settings of the paper venue's simulated matching engine (<see cref="PaperMatcher"/>), config section <c>venues.paper</c>.</summary>
/// <remarks>
/// Latencies are venue time (the market data's <c>TsEventNs</c>), never the wall clock: a replay
/// gives the same fills however fast it runs. Fees are in hundredths of a basis point of the
/// notional (100 = 1 bps); a negative maker fee is a rebate. Every pool is allocated once from
/// these sizes and never grows.
/// </remarks>
public sealed record PaperVenueOptions
{
    /// <summary>Largest latency, microseconds (one minute).</summary>
    public const int MaxLatencyUs = 60_000_000;

    /// <summary>Largest fee or rebate, hundredths of a basis point (10% of the notional).</summary>
    public const int MaxFeeCentiBps = 100_000;

    /// <summary>Largest pool or queue size.</summary>
    public const int MaxCapacity = 4_194_304;

    /// <summary>Venue time from the last market event the router had seen to the moment a command takes effect, microseconds.</summary>
    public int EntryLatencyUs { get; set; }

    /// <summary>Venue time from an execution to the moment its report is published, microseconds.</summary>
    public int ReportLatencyUs { get; set; }

    /// <summary>Fee on fills of marketable orders (taking liquidity), hundredths of a basis point of the notional.</summary>
    public int TakerFeeCentiBps { get; set; }

    /// <summary>Fee on fills of resting orders (providing liquidity), hundredths of a basis point of the notional; negative: a rebate.</summary>
    public int MakerFeeCentiBps { get; set; }

    /// <summary>Most orders resting (or stops waiting) at once over all instruments; a day or gtc limit, stop or stop-limit order beyond it is rejected.</summary>
    public int MaxRestingOrders { get; set; } = 4_096;

    /// <summary>Most commands held for the entry latency at once; a command beyond it is refused.</summary>
    public int MaxHeldCommands { get; set; } = 4_096;

    /// <summary>Most reports held for the report latency at once; beyond it the oldest is published early (counted), never dropped.</summary>
    public int MaxHeldReports { get; set; } = 16_384;

    /// <summary>Most price levels whose displayed size our fills have taken and the market has not yet replaced.</summary>
    public int MaxTakenLevels { get; set; } = 1_024;

    /// <summary>Final orders remembered so that a late cancel is told "not cancelable" rather than "not found"; the oldest is forgotten first.</summary>
    public int RememberedFinalOrders { get; set; } = 16_384;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>, each with its key path, value and allowed range.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        CheckRange(errors, $"{path}.entryLatencyUs", EntryLatencyUs, 0, MaxLatencyUs);
        CheckRange(errors, $"{path}.reportLatencyUs", ReportLatencyUs, 0, MaxLatencyUs);
        CheckRange(errors, $"{path}.takerFeeCentiBps", TakerFeeCentiBps, 0, MaxFeeCentiBps);
        CheckRange(errors, $"{path}.makerFeeCentiBps", MakerFeeCentiBps, -MaxFeeCentiBps, MaxFeeCentiBps);
        CheckRange(errors, $"{path}.maxRestingOrders", MaxRestingOrders, 1, MaxCapacity);
        CheckRange(errors, $"{path}.maxHeldCommands", MaxHeldCommands, 1, MaxCapacity);
        CheckRange(errors, $"{path}.maxHeldReports", MaxHeldReports, 1, MaxCapacity);
        CheckRange(errors, $"{path}.maxTakenLevels", MaxTakenLevels, 1, MaxCapacity);
        CheckRange(errors, $"{path}.rememberedFinalOrders", RememberedFinalOrders, 1, MaxCapacity);
        if (MakerFeeCentiBps < 0 && -MakerFeeCentiBps > TakerFeeCentiBps)
        {
            errors.Add($"{path}.makerFeeCentiBps: a rebate of {-MakerFeeCentiBps} exceeds takerFeeCentiBps ({TakerFeeCentiBps}); a venue would pay for every trade");
        }
    }

    private static void CheckRange(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key}: {value} is outside {min}..{max}");
        }
    }
}
