using Engine.Ring;

namespace Engine.Risk;

/// <summary>
/// Validated <see cref="RiskOptions"/> converted once to the integers the checks read, for a fixed
/// number of instruments. Immutable, so a reload builds a new one off the loop and the loop swaps it
/// in with <see cref="RiskEngine.ApplyLimits"/>.
/// </summary>
public sealed class RiskLimits
{
    private RiskLimits(RiskOptions options, int instruments)
    {
        var rules = new InstrumentRules[instruments];
        Array.Fill(rules, new InstrumentRules(options.Defaults));
        foreach (var entry in options.Instruments)
        {
            rules[entry.InstrumentId] = new InstrumentRules(entry);
        }
        Rules = rules;
        MaxGrossNotionalCents = options.MaxGrossNotionalCents;
        MaxDailyLossCents = options.MaxDailyLossCents;
        MaxOpenOrders = options.MaxOpenOrders;
        MaxOpenPositions = options.MaxOpenPositions;
        MaxSlippageCentiBps = options.MaxSlippageBps * 100L;
        SubmitBurst = options.SubmitBurst;
        SubmitsPerSecond = options.SubmitsPerSecond;
        CancelBurst = options.CancelBurst;
        CancelsPerSecond = options.CancelsPerSecond;
    }

    /// <summary>Number of instruments (ids 0..n-1) the limits cover.</summary>
    public int Instruments => Rules.Length;

    /// <summary>The largest daily loss in cents before the breaker trips.</summary>
    public long MaxDailyLossCents { get; }

    internal InstrumentRules[] Rules { get; }

    internal long MaxGrossNotionalCents { get; }

    internal int MaxOpenOrders { get; }

    internal int MaxOpenPositions { get; }

    internal long MaxSlippageCentiBps { get; }

    internal int SubmitBurst { get; }

    internal int SubmitsPerSecond { get; }

    internal int CancelBurst { get; }

    internal int CancelsPerSecond { get; }

    /// <summary>Every problem of <paramref name="options"/> for <paramref name="instruments"/> instruments, each with its key path under <paramref name="path"/>.</summary>
    public static List<string> Validate(RiskOptions options, int instruments, string path = "risk")
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        options.Validate(path, errors, instruments);
        return errors;
    }

    /// <summary>Builds the limits; throws <see cref="ArgumentException"/> listing every problem when <paramref name="options"/> are invalid.</summary>
    public static RiskLimits Build(RiskOptions options, int instruments)
    {
        var errors = Validate(options, instruments);
        if (errors.Count > 0)
        {
            ThrowHelper.ThrowArgument(nameof(options), string.Join("; ", errors));
        }
        return new RiskLimits(options, instruments);
    }
}
