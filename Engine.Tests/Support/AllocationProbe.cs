namespace Engine.Tests.Support;

/// <summary>
/// Where an <see cref="AllocationProbeHandler{T, TInner}"/> writes the processor thread's allocated
/// bytes at two chosen sequences. Read it only after the processor thread has ended.
/// </summary>
internal sealed class AllocationProbe(long warmSequence, long lastSequence)
{
    /// <summary>The sequence after warm-up where the first reading is taken.</summary>
    public long WarmSequence { get; } = warmSequence;

    /// <summary>The sequence of the last event, where the second reading is taken.</summary>
    public long LastSequence { get; } = lastSequence;

    /// <summary>Allocated bytes of the processor thread at <see cref="WarmSequence"/>; -1 until read.</summary>
    public long BytesAtWarm { get; set; } = -1;

    /// <summary>Allocated bytes of the processor thread at <see cref="LastSequence"/>; -1 until read.</summary>
    public long BytesAtLast { get; set; } = -1;
}
