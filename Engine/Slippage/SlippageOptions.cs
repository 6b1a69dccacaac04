using Engine.Config;

namespace Engine.Slippage;

/// <summary>Settings of the slippage estimator: the impact model's defaults and per-instrument overrides.</summary>
/// <remarks>Not yet part of <c>EngineOptions</c>; the keys it will have are in docs/CONFIG.md (<c>slippage</c>).</remarks>
public sealed record SlippageOptions
{
    private static readonly ImpactModelOptions s_builtIn = new();

    /// <summary>Largest instrument id an entry may name (the same bound as <c>book.instruments</c>).</summary>
    public const int MaxInstrumentId = 99_999;

    /// <summary>The model of every instrument without an entry in <see cref="Instruments"/>.</summary>
    public ImpactModelOptions Defaults { get; set; } = new();

    /// <summary>Per-instrument overrides, at most one per instrument id.</summary>
    public List<SlippageInstrumentOptions> Instruments { get; set; } = [];

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Defaults.Validate($"{path}.defaults", errors);
        var seen = new HashSet<int>();
        for (int i = 0; i < Instruments.Count; i++)
        {
            string entryPath = $"{path}.instruments[{i}]";
            var entry = Instruments[i];
            InstrumentEntryRules.CheckId(entryPath, entry.InstrumentId, MaxInstrumentId, seen, errors);
            // Keys the entry leaves out take the built-in defaults, which are valid, so only the
            // entry's own overrides can be reported here, each under the entry's path.
            entry.ResolveAgainst(s_builtIn).Validate(entryPath, errors);
        }
    }
}
