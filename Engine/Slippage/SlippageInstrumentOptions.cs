namespace Engine.Slippage;

/// <summary>One instrument's overrides of <see cref="SlippageOptions.Defaults"/>; a key left out takes the default.</summary>
public sealed record SlippageInstrumentOptions
{
    /// <summary>The instrument id (the book's id, 0..n-1).</summary>
    public int InstrumentId { get; set; }

    /// <summary>Overrides <see cref="ImpactModelOptions.ImpactCoefficientMilli"/>.</summary>
    public int? ImpactCoefficientMilli { get; set; }

    /// <summary>Overrides <see cref="ImpactModelOptions.DailyVolatilityBps"/>.</summary>
    public int? DailyVolatilityBps { get; set; }

    /// <summary>Overrides <see cref="ImpactModelOptions.AverageDailyVolume"/>.</summary>
    public long? AverageDailyVolume { get; set; }

    /// <summary>The defaults with this entry's overrides applied.</summary>
    public ImpactModelOptions ResolveAgainst(ImpactModelOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new ImpactModelOptions
        {
            ImpactCoefficientMilli = ImpactCoefficientMilli ?? defaults.ImpactCoefficientMilli,
            DailyVolatilityBps = DailyVolatilityBps ?? defaults.DailyVolatilityBps,
            AverageDailyVolume = AverageDailyVolume ?? defaults.AverageDailyVolume,
        };
    }
}
