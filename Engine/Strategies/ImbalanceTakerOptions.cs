using Engine.Risk;

namespace Engine.Strategies;

/// <summary>
/// The imbalance taker's parameters (config section <c>strategy.imbalanceTaker</c>): when the book's
/// top levels lean far enough to one side, take liquidity on that side. Reloaded on SIGHUP.
/// </summary>
public sealed record ImbalanceTakerOptions
{
    /// <summary>Most levels per side the imbalance may sum.</summary>
    public const int MaxLevels = 64;

    /// <summary>Longest cooldown, milliseconds (one hour).</summary>
    public const int MaxCooldownMs = 3_600_000;

    /// <summary>Levels of each side summed into the imbalance (bid size - ask size) / (bid size + ask size).</summary>
    public int Levels { get; set; } = 3;

    /// <summary>Imbalance that triggers, in basis points of +-10,000: at or above it buy, at or below minus it sell.</summary>
    public long ThresholdBps { get; set; } = 4_000;

    /// <summary>Size of each order (a multiple of the instrument's lot; less when only less fits under <see cref="MaxPosition"/>).</summary>
    public long Quantity { get; set; } = 100;

    /// <summary>Ticks past the far touch the IOC limit is priced (0: at the touch), before rounding outward to the price grid.</summary>
    public long ThroughTicks { get; set; }

    /// <summary>Least time between two orders on one instrument, milliseconds.</summary>
    public int CooldownMs { get; set; } = 1_000;

    /// <summary>Largest position either way; an order that would take the position past it is cut to what fits (orders that reduce it always fit).</summary>
    public long MaxPosition { get; set; } = 1_000;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>, each with its key path.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Levels is < 1 or > MaxLevels)
        {
            errors.Add($"{path}.levels: {Levels} is outside 1..{MaxLevels}");
        }
        if (ThresholdBps is < 1 or > 10_000)
        {
            errors.Add($"{path}.thresholdBps: {ThresholdBps} is outside 1..10000");
        }
        if (Quantity is < 1 or > RiskInstrumentOptions.MaxQuantityBound)
        {
            errors.Add($"{path}.quantity: {Quantity} is outside 1..{RiskInstrumentOptions.MaxQuantityBound}");
        }
        if (ThroughTicks is < 0 or > MarketMakerOptions.MaxTicks)
        {
            errors.Add($"{path}.throughTicks: {ThroughTicks} is outside 0..{MarketMakerOptions.MaxTicks}");
        }
        if (CooldownMs is < 1 or > MaxCooldownMs)
        {
            errors.Add($"{path}.cooldownMs: {CooldownMs} is outside 1..{MaxCooldownMs}");
        }
        if (MaxPosition is < 1 or > RiskInstrumentOptions.MaxQuantityBound)
        {
            errors.Add($"{path}.maxPosition: {MaxPosition} is outside 1..{RiskInstrumentOptions.MaxQuantityBound}");
        }
        else if (MaxPosition < Quantity)
        {
            errors.Add($"{path}.maxPosition: {MaxPosition} is less than quantity ({Quantity}): no full order could ever be sent");
        }
    }
}
