namespace Engine.Positions;

/// <summary>The trailing stop: close a position once the mark falls back from its best since entry by an offset.</summary>
public sealed record TrailingStopOptions
{
    /// <summary>Off, a percentage of the best price, or a fixed number of ticks.</summary>
    public TrailingStopMode Mode { get; set; } = TrailingStopMode.Off;

    /// <summary>Offset in basis points of the best price; used when <see cref="Mode"/> is Percent.</summary>
    public int OffsetBps { get; set; } = 100;

    /// <summary>Offset in ticks; used when <see cref="Mode"/> is Absolute.</summary>
    public long OffsetTicks { get; set; } = 10;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>; <paramref name="maxPriceTicks"/> bounds the absolute offset.</summary>
    public void Validate(string path, long maxPriceTicks, List<string> errors)
    {
        if (!Enum.IsDefined(Mode))
        {
            errors.Add($"{path}.mode: {Mode} must be Off, Percent or Absolute");
        }
        if (OffsetBps is < 1 or > 10_000)
        {
            errors.Add($"{path}.offsetBps: {OffsetBps} is outside 1..10000");
        }
        if (OffsetTicks < 1 || OffsetTicks > maxPriceTicks)
        {
            errors.Add($"{path}.offsetTicks: {OffsetTicks} is outside 1..maxPriceTicks ({maxPriceTicks})");
        }
    }
}
