namespace Engine.Ring;

/// <summary>Lifecycle of an event processor.</summary>
public enum ProcessorState
{
    /// <summary>Created, not yet running.</summary>
    Idle,

    /// <summary>Inside <see cref="IEventProcessor.Run"/>.</summary>
    Running,

    /// <summary>Returned from Run after a halt request, everything published having been processed.</summary>
    Halted,

    /// <summary>Returned from Run because the exception policy said halt.</summary>
    Faulted,
}
