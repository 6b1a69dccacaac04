namespace Engine.Ring;

/// <summary>A consumer of a ring that runs on a thread of its own until halted.</summary>
public interface IEventProcessor
{
    /// <summary>How far this consumer has got: the gate for producers and later consumers.</summary>
    Sequence Sequence { get; }

    /// <summary>The processor's state.</summary>
    ProcessorState State { get; }

    /// <summary>Runs the loop on the calling thread until <see cref="Halt"/> or a halting fault.</summary>
    void Run();

    /// <summary>Asks the loop to process what is already published and return. Any thread.</summary>
    void Halt();
}
