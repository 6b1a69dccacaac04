namespace Engine.Pipeline;

/// <summary>What the loop does after a handler throws: configured as <c>pipeline.faultPolicy</c>.</summary>
public enum FaultPolicy
{
    /// <summary>Log and count the fault, skip the event, carry on.</summary>
    LogAndContinue,

    /// <summary>Log and count the fault, then halt the loop; the engine shuts down with an error.</summary>
    LogAndHalt,
}
