using Engine.Ring.WaitStrategies;

namespace Engine.Ring;

/// <summary>Settings of the inbound ring.</summary>
public sealed record RingOptions
{
    /// <summary>Number of slots; a power of two.</summary>
    public int Slots { get; set; } = 65_536;

    /// <summary>One publishing thread or several.</summary>
    public ProducerType Producers { get; set; } = ProducerType.Multi;

    /// <summary>How the loop waits for events.</summary>
    public WaitStrategyKind WaitStrategy { get; set; } = WaitStrategyKind.Yielding;

    /// <summary>Most events handled before the loop moves its sequence and lets producers reuse slots.</summary>
    public int MaxBatchSize { get; set; } = 4_096;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (Slots < 2 || Slots > (1 << 26) || !int.IsPow2(Slots))
        {
            errors.Add($"{path}.slots: {Slots} must be a power of two in 2..67108864");
        }
        if (MaxBatchSize < 1 || MaxBatchSize > Slots)
        {
            errors.Add($"{path}.maxBatchSize: {MaxBatchSize} must be 1..slots ({Slots})");
        }
        if (!Enum.IsDefined(Producers))
        {
            errors.Add($"{path}.producers: {Producers} must be Single or Multi");
        }
        if (!Enum.IsDefined(WaitStrategy))
        {
            errors.Add($"{path}.waitStrategy: {WaitStrategy} must be BusySpin, Yielding, Sleeping or Blocking");
        }
    }
}
