using Engine.Config;

namespace Engine.Risk;

/// <summary>Settings of the <see cref="RiskEngine"/>: account-wide limits, per-instrument defaults and overrides.</summary>
public sealed record RiskOptions
{
    /// <summary>Largest instrument id an entry may name (the same bound as <c>book.instruments</c>).</summary>
    public const int MaxInstrumentId = 99_999;

    /// <summary>Largest gross notional exposure across all instruments, in cents, projected as if every open order and this one filled.</summary>
    public long MaxGrossNotionalCents { get; set; } = 100_000_000;

    /// <summary>Largest loss of the day in cents: realised plus unrealised P&amp;L (marked to mid) less fees, since the session start, below minus this trips the breaker.</summary>
    public long MaxDailyLossCents { get; set; } = 1_000_000;

    /// <summary>Largest number of open orders; an order that would make one more is refused.</summary>
    public int MaxOpenOrders { get; set; } = 100;

    /// <summary>Largest number of instruments with a position or open orders.</summary>
    public int MaxOpenPositions { get; set; } = 20;

    /// <summary>Capacity (burst) of the submit token bucket.</summary>
    public int SubmitBurst { get; set; } = 20;

    /// <summary>Submits per second the bucket refills (one token every 1/rate seconds).</summary>
    public int SubmitsPerSecond { get; set; } = 10;

    /// <summary>Capacity (burst) of the cancel/modify token bucket.</summary>
    public int CancelBurst { get; set; } = 40;

    /// <summary>Cancels or modifies per second the bucket refills.</summary>
    public int CancelsPerSecond { get; set; } = 20;

    /// <summary>Largest estimated slippage against mid (against the touch when there is no mid).</summary>
    public int MaxSlippageBps { get; set; } = 50;

    /// <summary>The circuit breaker and kill switch (<c>risk.breaker</c>); read at start-up only, a reload keeps the running breaker.</summary>
    public BreakerOptions Breaker { get; set; } = new();

    /// <summary>Each instrument's price decimals (its entry's, else the defaults'), for ids 0..<paramref name="instruments"/>-1.</summary>
    public int[] PriceDecimalsOf(int instruments) => Each(instruments, o => o.PriceDecimals);

    /// <summary>Each instrument's quantity decimals (its entry's, else the defaults'), for ids 0..<paramref name="instruments"/>-1.</summary>
    public int[] QuantityDecimalsOf(int instruments) => Each(instruments, o => o.QuantityDecimals);

    private int[] Each(int instruments, Func<RiskInstrumentOptions, int> value)
    {
        var values = new int[instruments];
        Array.Fill(values, value(Defaults));
        foreach (var entry in Instruments)
        {
            if ((uint)entry.InstrumentId < (uint)instruments)
            {
                values[entry.InstrumentId] = value(entry);
            }
        }
        return values;
    }

    /// <summary>Limits of every instrument without an entry in <see cref="Instruments"/>.</summary>
    public RiskInstrumentOptions Defaults { get; set; } = new();

    /// <summary>Per-instrument limits, at most one entry per instrument id.</summary>
    public List<RiskInstrumentOptions> Instruments { get; set; } = [];

    /// <summary>Adds every problem with these options, for <paramref name="instruments"/> instruments (ids 0..n-1), to <paramref name="errors"/>, each with its key path.</summary>
    public void Validate(string path, List<string> errors, int instruments = MaxInstrumentId + 1)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (MaxGrossNotionalCents is < 1 or > RiskInstrumentOptions.MaxNotionalBoundCents)
        {
            errors.Add($"{path}.maxGrossNotionalCents: {MaxGrossNotionalCents} is outside 1..{RiskInstrumentOptions.MaxNotionalBoundCents}");
        }
        if (MaxDailyLossCents is < 1 or > RiskInstrumentOptions.MaxNotionalBoundCents)
        {
            errors.Add($"{path}.maxDailyLossCents: {MaxDailyLossCents} is outside 1..{RiskInstrumentOptions.MaxNotionalBoundCents}");
        }
        CheckRange(errors, $"{path}.maxOpenOrders", MaxOpenOrders, 1_000_000);
        CheckRange(errors, $"{path}.maxOpenPositions", MaxOpenPositions, 100_000);
        CheckRange(errors, $"{path}.submitBurst", SubmitBurst, 1_000_000);
        CheckRange(errors, $"{path}.submitsPerSecond", SubmitsPerSecond, 1_000_000);
        CheckRange(errors, $"{path}.cancelBurst", CancelBurst, 1_000_000);
        CheckRange(errors, $"{path}.cancelsPerSecond", CancelsPerSecond, 1_000_000);
        CheckRange(errors, $"{path}.maxSlippageBps", MaxSlippageBps, 10_000);
        Breaker.Validate($"{path}.breaker", errors);
        Defaults.Validate($"{path}.defaults", errors);
        if (Defaults.InstrumentId != 0)
        {
            errors.Add($"{path}.defaults.instrumentId: {Defaults.InstrumentId} is refused: the defaults are every instrument's; name an instrument in {path}.instruments");
        }
        var seen = new HashSet<int>();
        for (int i = 0; i < Instruments.Count; i++)
        {
            string entryPath = $"{path}.instruments[{i}]";
            var entry = Instruments[i];
            InstrumentEntryRules.CheckId(entryPath, entry.InstrumentId, Math.Min(instruments, MaxInstrumentId + 1) - 1, seen, errors);
            entry.Validate(entryPath, errors);
        }
    }

    private static void CheckRange(List<string> errors, string key, int value, int max)
    {
        if (value < 1 || value > max)
        {
            errors.Add($"{key}: {value} is outside 1..{max}");
        }
    }
}
