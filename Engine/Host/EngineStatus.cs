namespace Engine.Host;

/// <summary>A snapshot of the engine's counters, for the status line and the exit summary.</summary>
/// <param name="EventsProcessed">Events the loop has handled.</param>
/// <param name="EventsPublished">Events the feeds have published into the ring.</param>
/// <param name="RingOccupancy">Slots published but not yet handled.</param>
/// <param name="RingSlots">Size of the ring.</param>
/// <param name="ClaimWaits">Times a producer found the ring full and waited (back-pressure).</param>
/// <param name="HandlerFaults">Handler exceptions that reached the exception policy.</param>
/// <param name="MaxDelayNs">Worst publish-to-handler delay seen at an end of batch.</param>
/// <param name="LoopPinned">Whether the loop thread is bound to its configured CPUs.</param>
public readonly record struct EngineStatus(
    long EventsProcessed,
    long EventsPublished,
    long RingOccupancy,
    int RingSlots,
    long ClaimWaits,
    long HandlerFaults,
    long MaxDelayNs,
    bool LoopPinned);
