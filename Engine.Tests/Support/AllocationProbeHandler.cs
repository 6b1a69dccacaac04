using Engine.Ring;

namespace Engine.Tests.Support;

/// <summary>
/// Runs an inner handler and reads <see cref="GC.GetAllocatedBytesForCurrentThread"/> on the
/// processor thread after the inner handler at two chosen sequences.
/// </summary>
internal struct AllocationProbeHandler<T, TInner> : IEventHandler<T>
    where T : unmanaged
    where TInner : IEventHandler<T>
{
    private readonly AllocationProbe _probe;
    private TInner _inner; // not readonly: a struct inner handler keeps its own state

    public AllocationProbeHandler(TInner inner, AllocationProbe probe)
    {
        _inner = inner;
        _probe = probe;
    }

    public readonly TInner Inner => _inner;

    public void OnEvent(ref T e, long sequence, bool endOfBatch)
    {
        _inner.OnEvent(ref e, sequence, endOfBatch);
        if (sequence == _probe.WarmSequence)
        {
            _probe.BytesAtWarm = GC.GetAllocatedBytesForCurrentThread();
        }
        else if (sequence == _probe.LastSequence)
        {
            _probe.BytesAtLast = GC.GetAllocatedBytesForCurrentThread();
        }
    }
}
