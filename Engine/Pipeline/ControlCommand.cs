namespace Engine.Pipeline;

/// <summary>A command from outside the loop (operator, signal, admin endpoint), carried through the inbound ring so only the loop changes its state.</summary>
public enum ControlCommand : byte
{
    /// <summary>No command.</summary>
    None,

    /// <summary>Engage the kill switch.</summary>
    Kill,

    /// <summary>Release the kill switch and close the breaker: trading resumes.</summary>
    Resume,

    /// <summary>Allow only orders that reduce exposure.</summary>
    ReduceOnly,

    /// <summary>Put the limits waiting in the <see cref="Risk.RiskLimitsMailbox"/> in force.</summary>
    ApplyRiskLimits,
}
