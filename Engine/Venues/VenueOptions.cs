using Engine.Venues.Alpaca;
using Engine.Venues.Paper;

namespace Engine.Venues;

/// <summary>The venues the engine knows and the one it trades on (config section <c>venues</c>).</summary>
public sealed record VenueOptions
{
    /// <summary>Paper (simulated, the default) or Alpaca.</summary>
    public VenueKind Kind { get; set; } = VenueKind.Paper;

    /// <summary>CPUs the Alpaca gateway thread binds to (empty: anywhere; the paper venue runs on the loop); keep them off <c>pipeline.thread.cpuSet</c>.</summary>
    public List<int> CpuSet { get; set; } = [0];

    /// <summary>The simulated venue.</summary>
    public PaperVenueOptions Paper { get; set; } = new();

    /// <summary>The Alpaca venue (used when <see cref="Kind"/> is Alpaca; validated either way).</summary>
    public AlpacaTradingOptions Alpaca { get; set; } = new();

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Enum.IsDefined(Kind))
        {
            errors.Add($"{path}.kind: {Kind} is not Paper or Alpaca");
        }
        Config.CpuSetValidation.Check($"{path}.cpuSet", CpuSet, errors);
        Paper.Validate($"{path}.paper", errors);
        if (Alpaca is null)
        {
            errors.Add($"{path}.alpaca: must be an object");
        }
        else
        {
            Alpaca.Validate($"{path}.alpaca", errors);
        }
    }
}
