using Engine.Config;

namespace Engine.Slippage;

/// <summary>Settings of the slippage estimator: the impact model's defaults and per-instrument overrides.</summary>
public sealed record SlippageOptions
{
    private static readonly ImpactModelOptions s_builtIn = new();

    /// <summary>Largest instrument id an entry may name (the same bound as <c>book.instruments</c>).</summary>
    public const int MaxInstrumentId = 99_999;

    /// <summary>The model of every instrument without an entry in <see cref="Instruments"/>.</summary>
    public ImpactModelOptions Defaults { get; set; } = new();

    /// <summary>Per-instrument overrides, at most one per instrument id.</summary>
    public List<SlippageInstrumentOptions> Instruments { get; set; } = [];

    /// <summary>Adds every problem with these options, for <paramref name="instruments"/> instruments (ids 0..n-1), to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors, int instruments = MaxInstrumentId + 1)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Defaults.Validate($"{path}.defaults", errors);
        var seen = new HashSet<int>();
        for (int i = 0; i < Instruments.Count; i++)
        {
            string entryPath = $"{path}.instruments[{i}]";
            var entry = Instruments[i];
            InstrumentEntryRules.CheckId(entryPath, entry.InstrumentId, Math.Min(instruments, MaxInstrumentId + 1) - 1, seen, errors);
            // Keys the entry leaves out take the built-in defaults, which are valid, so only the
            // entry's own overrides can be reported here, each under the entry's path.
            entry.ResolveAgainst(s_builtIn).Validate(entryPath, errors);
        }
    }
}
