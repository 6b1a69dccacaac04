using Engine.Risk;

namespace Engine.Strategies;

/// <summary>
/// The market maker's parameters (config section <c>strategy.marketMaker</c>): one bid and one ask per
/// instrument around the microprice. Prices in the instrument's ticks, quantities in its units.
/// Reloaded on SIGHUP.
/// </summary>
public sealed record MarketMakerOptions
{
    /// <summary>Largest distance in ticks (half spread, skew, requote threshold).</summary>
    public const long MaxTicks = 1_000_000;

    /// <summary>Longest requote interval, milliseconds.</summary>
    public const int MaxIntervalMs = 60_000;

    /// <summary>Size of each quote (a multiple of the instrument's lot).</summary>
    public long QuoteQuantity { get; set; } = 100;

    /// <summary>Distance of each quote from the (skewed) microprice, in ticks, before rounding outward to the price grid.</summary>
    public long HalfSpreadTicks { get; set; } = 1;

    /// <summary>How far both quotes shift against the position when it is at <see cref="MaxPosition"/>, in ticks (proportionally less below it): long lowers them, short raises them.</summary>
    public long SkewTicks { get; set; } = 2;

    /// <summary>Largest position either way: a side whose fill would take the position past it is not quoted (and cancelled if working).</summary>
    public long MaxPosition { get; set; } = 1_000;

    /// <summary>Least move of a side's wanted price, in ticks, that replaces its working quote.</summary>
    public long RequoteThresholdTicks { get; set; } = 1;

    /// <summary>Least time between two orders (new, replace or cancel) of one side of one instrument, milliseconds: the bound that keeps the strategy within the risk rate limits.</summary>
    public int MinRequoteIntervalMs { get; set; } = 250;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>, each with its key path.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (QuoteQuantity is < 1 or > RiskInstrumentOptions.MaxQuantityBound)
        {
            errors.Add($"{path}.quoteQuantity: {QuoteQuantity} is outside 1..{RiskInstrumentOptions.MaxQuantityBound}");
        }
        if (HalfSpreadTicks is < 1 or > MaxTicks)
        {
            errors.Add($"{path}.halfSpreadTicks: {HalfSpreadTicks} is outside 1..{MaxTicks} (at least 1, so the bid stays below the ask)");
        }
        if (SkewTicks is < 0 or > MaxTicks)
        {
            errors.Add($"{path}.skewTicks: {SkewTicks} is outside 0..{MaxTicks} (0 = no skew)");
        }
        if (MaxPosition is < 1 or > RiskInstrumentOptions.MaxQuantityBound)
        {
            errors.Add($"{path}.maxPosition: {MaxPosition} is outside 1..{RiskInstrumentOptions.MaxQuantityBound}");
        }
        else if (MaxPosition < QuoteQuantity)
        {
            errors.Add($"{path}.maxPosition: {MaxPosition} is less than quoteQuantity ({QuoteQuantity}): no quote could ever be sent");
        }
        if (RequoteThresholdTicks is < 1 or > MaxTicks)
        {
            errors.Add($"{path}.requoteThresholdTicks: {RequoteThresholdTicks} is outside 1..{MaxTicks}");
        }
        if (MinRequoteIntervalMs is < 1 or > MaxIntervalMs)
        {
            errors.Add($"{path}.minRequoteIntervalMs: {MinRequoteIntervalMs} is outside 1..{MaxIntervalMs}");
        }
    }
}
