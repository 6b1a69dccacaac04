using System.Runtime;

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

    /// <summary>
    /// The garbage collector's latency mode, set at start-up: <c>SustainedLowLatency</c> (default: no
    /// blocking gen-2 collections while the engine runs), <c>Interactive</c> or <c>Batch</c>.
    /// </summary>
    public GCLatencyMode GcLatencyMode { get; set; } = GCLatencyMode.SustainedLowLatency;

    /// <summary>
    /// Synthetic market events run through a throw-away copy of the pipeline at start-up, before the
    /// feeds, so that the JIT has compiled the order path before the first real event; 0: none.
    /// </summary>
    public int WarmUpEvents { get; set; } = 20_000;

    /// <summary>
    /// The loop's tick, milliseconds (0: none): after this long with nothing in the inbound ring the loop
    /// publishes itself a no-op event. What runs on the wall clock at an end of batch (a strategy's timer,
    /// a TWAP's slices, the breaker's cool-down, the venue-answer watch, the paper venue's held orders) is
    /// then at most this late in a quiet market instead of waiting for the next event.
    /// </summary>
    public int TickMs { get; set; } = 1;

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
        if (GcLatencyMode is not (GCLatencyMode.SustainedLowLatency or GCLatencyMode.Interactive or GCLatencyMode.Batch))
        {
            errors.Add($"{path}.gcLatencyMode: {GcLatencyMode} must be SustainedLowLatency, Interactive or Batch (LowLatency and NoGCRegion cannot be held for a whole run)");
        }
        if (WarmUpEvents is < 0 or > 1_000_000)
        {
            errors.Add($"{path}.warmUpEvents: {WarmUpEvents} is outside 0..1000000 (0 = no warm-up)");
        }
        if (TickMs is < 0 or > 1_000)
        {
            errors.Add($"{path}.tickMs: {TickMs} is outside 0..1000 (0 = no tick)");
        }
        Thread.Validate($"{path}.thread", errors);
    }
}
