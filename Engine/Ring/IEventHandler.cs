namespace Engine.Ring;

/// <summary>A stage of the handler chain: sees every event of a ring, in sequence order.</summary>
/// <typeparam name="T">The ring's event struct.</typeparam>
/// <remarks>
/// Called on the processor's thread only. Implement it on a struct (or a sealed class held by a
/// struct) and pass that struct as the processor's type argument: the JIT then inlines the call.
/// </remarks>
public interface IEventHandler<T>
    where T : unmanaged
{
    /// <summary>Handles the event in slot <paramref name="sequence"/>, taken by reference, never copied.</summary>
    /// <param name="e">The event, in place in the ring.</param>
    /// <param name="sequence">Its sequence number.</param>
    /// <param name="endOfBatch">True for the last event the processor has ready now: the time to flush.</param>
    void OnEvent(ref T e, long sequence, bool endOfBatch);
}
