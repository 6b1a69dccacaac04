namespace Engine.Positions;

/// <summary>Sizes, bounds and default stop rules of the <see cref="PositionTable"/>; everything is allocated once from these.</summary>
/// <remarks>
/// The bounds make overflow impossible for every fill and mark the table accepts: a position's cost
/// is at most <see cref="MaxPriceTicks"/> x <see cref="PositionTable.SubTicksPerTick"/> x
/// <see cref="MaxPositionQty"/> = 10^12 x 10^4 x 10^15 = 10^31 value units, and the table keeps money
/// in <see cref="Int128"/> (up to 1.7 x 10^38), so the totals over 100,000 instruments and the
/// stop-loss level (cost x up to 2 x 10^4) still fit. Fills and marks outside the bounds are refused and
/// counted, never applied.
/// </remarks>
public sealed record PositionsOptions
{
    /// <summary>Number of positions, one per instrument id 0..n-1. Not a config key: the engine takes <c>book.instruments</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Instruments { get; set; } = 16;

    /// <summary>Highest fill price, in ticks, that the table accepts (marks: this x 10,000 sub-ticks).</summary>
    public long MaxPriceTicks { get; set; } = 1_000_000_000_000;

    /// <summary>Largest absolute position, in quantity units; a fill that would go past it is refused.</summary>
    public long MaxPositionQty { get; set; } = 1_000_000_000_000;

    /// <summary>The stop-loss every position starts with.</summary>
    public StopLossOptions StopLoss { get; set; } = new();

    /// <summary>The trailing stop every position starts with.</summary>
    public TrailingStopOptions TrailingStop { get; set; } = new();

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (Instruments is < 1 or > 100_000)
        {
            errors.Add($"{path}.instruments: {Instruments} is outside 1..100000");
        }
        if (MaxPriceTicks is < 1 or > 1_000_000_000_000)
        {
            errors.Add($"{path}.maxPriceTicks: {MaxPriceTicks} is outside 1..1000000000000");
        }
        if (MaxPositionQty is < 1 or > 1_000_000_000_000_000)
        {
            errors.Add($"{path}.maxPositionQty: {MaxPositionQty} is outside 1..1000000000000000");
        }
        if (StopLoss is null)
        {
            errors.Add($"{path}.stopLoss: missing");
        }
        else
        {
            StopLoss.Validate(path + ".stopLoss", errors);
        }
        if (TrailingStop is null)
        {
            errors.Add($"{path}.trailingStop: missing");
        }
        else
        {
            TrailingStop.Validate(path + ".trailingStop", MaxPriceTicks, errors);
        }
    }
}
