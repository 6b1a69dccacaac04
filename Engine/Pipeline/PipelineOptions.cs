namespace Engine.Pipeline;

/// <summary>Settings of the business-logic loop.</summary>
public sealed record PipelineOptions
{
    /// <summary>What to do when a handler throws.</summary>
    public FaultPolicy FaultPolicy { get; set; } = FaultPolicy.LogAndContinue;

    /// <summary>The loop thread: name, CPU set, priority.</summary>
    public LoopThreadOptions Thread { get; set; } = new();

    /// <summary>How long shutdown waits for the loop to drain the ring, milliseconds.</summary>
    public int ShutdownTimeoutMs { get; set; } = 5_000;

    /// <summary>Whether a stop first cancels every open order and waits (within <see cref="ShutdownTimeoutMs"/>) for the venue to confirm.</summary>
    public bool CancelOrdersOnStop { get; set; } = true;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (!Enum.IsDefined(FaultPolicy))
        {
            errors.Add($"{path}.faultPolicy: {FaultPolicy} must be LogAndContinue or LogAndHalt");
        }
        if (ShutdownTimeoutMs is < 100 or > 600_000)
        {
            errors.Add($"{path}.shutdownTimeoutMs: {ShutdownTimeoutMs} is outside 100..600000");
        }
        Thread.Validate($"{path}.thread", errors);
    }
}
