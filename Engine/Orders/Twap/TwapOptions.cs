using Engine.Risk;
using Feeds;

namespace Engine.Orders.Twap;

/// <summary>
/// One TWAP parent order: what to trade, over how long, in how many slices, with which children
/// (config section <c>strategy.twap</c> for the TWAP strategy; the admin endpoint builds the same for an operator's parent).
/// </summary>
/// <remarks>
/// Slice i (0..<see cref="Slices"/>-1) is due at start + <see cref="StartDelayMs"/> + i x
/// <see cref="DurationMs"/> / <see cref="Slices"/>; the schedule ends <see cref="DurationMs"/> after
/// the first slice. Prices are in the instrument's ticks, quantities in its units.
/// </remarks>
public sealed record TwapOptions
{
    /// <summary>Most slices of one parent (the executor's child table is sized to <see cref="Slices"/>).</summary>
    public const int MaxSlices = 10_000;

    /// <summary>Longest duration and start delay: one day.</summary>
    public const long MaxDurationMs = 86_400_000;

    /// <summary>The instrument id (the book's id, 0..n-1).</summary>
    public int InstrumentId { get; set; }

    /// <summary>Buy or sell.</summary>
    public Side Side { get; set; } = Side.Buy;

    /// <summary>The parent's whole quantity, in the instrument's units (a multiple of its lot: slices are whole lots).</summary>
    public long TotalQuantity { get; set; } = 100;

    /// <summary>From the first slice to the end of the schedule.</summary>
    public long DurationMs { get; set; } = 60_000;

    /// <summary>Number of slices (child orders when nothing is refused).</summary>
    public int Slices { get; set; } = 10;

    /// <summary>Market or limit children.</summary>
    public TwapChildType ChildType { get; set; } = TwapChildType.Market;

    /// <summary>Limit children: the touch their price starts from.</summary>
    public TwapLimitReference LimitReference { get; set; } = TwapLimitReference.Far;

    /// <summary>Limit children: ticks added toward the other side (more aggressive; negative for less), before rounding to the instrument's price grid (toward the passive side).</summary>
    public long LimitOffsetTicks { get; set; }

    /// <summary>Limit children: the worst price in ticks (a buy never above it, a sell never below it); 0 for none.</summary>
    public long LimitCapTicks { get; set; }

    /// <summary>Time in force of the children: Day (a child still working at the next slice is cancelled) or Ioc.</summary>
    public TimeInForce ChildTimeInForce { get; set; } = TimeInForce.Day;

    /// <summary>Delay from start to the first slice.</summary>
    public long StartDelayMs { get; set; }

    /// <summary>Least time between two cancel requests of one child (a cancel refused by risk or rejected by the venue is tried again).</summary>
    public int CancelRetryMs { get; set; } = 250;

    /// <summary>Adds every problem with these options, for <paramref name="instruments"/> instruments (ids 0..n-1), to <paramref name="errors"/>, each with its key path.</summary>
    public void Validate(string path, List<string> errors, int instruments = RiskOptions.MaxInstrumentId + 1)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (InstrumentId < 0 || InstrumentId >= instruments)
        {
            errors.Add($"{path}.instrumentId: {InstrumentId} is outside 0..{instruments - 1}");
        }
        if (Side is not (Side.Buy or Side.Sell))
        {
            errors.Add($"{path}.side: '{Side}' must be Buy or Sell");
        }
        if (TotalQuantity is < 1 or > RiskInstrumentOptions.MaxQuantityBound)
        {
            errors.Add($"{path}.totalQuantity: {TotalQuantity} is outside 1..{RiskInstrumentOptions.MaxQuantityBound}");
        }
        if (DurationMs is < 1 or > MaxDurationMs)
        {
            errors.Add($"{path}.durationMs: {DurationMs} is outside 1..{MaxDurationMs}");
        }
        if (Slices is < 1 or > MaxSlices)
        {
            errors.Add($"{path}.slices: {Slices} is outside 1..{MaxSlices}");
        }
        else if (Slices > DurationMs && DurationMs >= 1)
        {
            errors.Add($"{path}.slices: {Slices} is more than durationMs ({DurationMs}): slices must be at least 1 ms apart");
        }
        else if (Slices > TotalQuantity && TotalQuantity >= 1)
        {
            errors.Add($"{path}.slices: {Slices} is more than totalQuantity ({TotalQuantity}): every slice needs at least one unit");
        }
        ValidateChildren(path, errors);
        if (StartDelayMs is < 0 or > MaxDurationMs)
        {
            errors.Add($"{path}.startDelayMs: {StartDelayMs} is outside 0..{MaxDurationMs}");
        }
        if (CancelRetryMs is < 1 or > 60_000)
        {
            errors.Add($"{path}.cancelRetryMs: {CancelRetryMs} is outside 1..60000");
        }
    }

    private void ValidateChildren(string path, List<string> errors)
    {
        if (!Enum.IsDefined(ChildType))
        {
            errors.Add($"{path}.childType: '{ChildType}' must be Market or Limit");
        }
        if (ChildTimeInForce is not (TimeInForce.Day or TimeInForce.Ioc))
        {
            errors.Add($"{path}.childTimeInForce: '{ChildTimeInForce}' must be Day or Ioc");
        }
        if (ChildType == TwapChildType.Limit)
        {
            if (!Enum.IsDefined(LimitReference))
            {
                errors.Add($"{path}.limitReference: '{LimitReference}' must be Far or Near");
            }
            if (LimitOffsetTicks is < -1_000_000 or > 1_000_000)
            {
                errors.Add($"{path}.limitOffsetTicks: {LimitOffsetTicks} is outside -1000000..1000000");
            }
            if (LimitCapTicks is < 0 or > 1_000_000_000_000)
            {
                errors.Add($"{path}.limitCapTicks: {LimitCapTicks} is outside 0..1000000000000 (0 = no cap)");
            }
        }
        else if (LimitOffsetTicks != 0 || LimitCapTicks != 0)
        {
            errors.Add($"{path}.limitOffsetTicks/limitCapTicks: {LimitOffsetTicks}/{LimitCapTicks} apply only to childType Limit; leave them 0 for Market");
        }
    }
}
