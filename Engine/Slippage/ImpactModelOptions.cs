namespace Engine.Slippage;

/// <summary>
/// The square-root market-impact model of one instrument: the average price of <c>Q</c> units
/// traded beyond the displayed book moves, from the last price reached, by
/// <c>coefficient x dailyVolatility x sqrt(Q / averageDailyVolume)</c> of that price.
/// </summary>
/// <remarks>All values are integers with their unit in the name, so the estimator never converts on the loop.</remarks>
public sealed record ImpactModelOptions
{
    /// <summary>Largest <see cref="ImpactCoefficientMilli"/>: a coefficient of 10.</summary>
    public const int MaxImpactCoefficientMilli = 10_000;

    /// <summary>Largest <see cref="DailyVolatilityBps"/>: 100% a day.</summary>
    public const int MaxDailyVolatilityBps = 10_000;

    /// <summary>Largest <see cref="AverageDailyVolume"/>.</summary>
    public const long MaxAverageDailyVolume = 1_000_000_000_000_000;

    /// <summary>The model's coefficient, in thousandths (1000 = 1.0, the textbook square-root law).</summary>
    public int ImpactCoefficientMilli { get; set; } = 1_000;

    /// <summary>Daily volatility of the instrument's returns, in basis points (200 = 2%).</summary>
    public int DailyVolatilityBps { get; set; } = 200;

    /// <summary>Average daily volume, in the feed's quantity units.</summary>
    public long AverageDailyVolume { get; set; } = 1_000_000;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (ImpactCoefficientMilli is < 0 or > MaxImpactCoefficientMilli)
        {
            errors.Add($"{path}.impactCoefficientMilli: {ImpactCoefficientMilli} is outside 0..{MaxImpactCoefficientMilli}");
        }
        if (DailyVolatilityBps is < 0 or > MaxDailyVolatilityBps)
        {
            errors.Add($"{path}.dailyVolatilityBps: {DailyVolatilityBps} is outside 0..{MaxDailyVolatilityBps}");
        }
        if (AverageDailyVolume is < 1 or > MaxAverageDailyVolume)
        {
            errors.Add($"{path}.averageDailyVolume: {AverageDailyVolume} is outside 1..{MaxAverageDailyVolume}");
        }
    }
}
