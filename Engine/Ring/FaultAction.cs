namespace Engine.Ring;

/// <summary>What a processor does after a handler threw.</summary>
public enum FaultAction
{
    /// <summary>Skip the event and go on with the next one.</summary>
    Continue,

    /// <summary>Stop the processor; it ends in <see cref="ProcessorState.Faulted"/>.</summary>
    Halt,
}
