using Engine.Ring;

namespace Engine.Tests.Ring;

/// <summary>A first processing stage: writes <see cref="Mark"/> of the event's value into the slot.</summary>
internal sealed class StageWriterHandler : IEventHandler<TestEvent>
{
    /// <summary>Events written.</summary>
    public long Count { get; private set; }

    /// <summary>What the first stage writes for <paramref name="value"/>: never 0 (the producer's blank), never the value itself.</summary>
    public static long Mark(long value) => (value * 31) + 7;

    public void OnEvent(ref TestEvent e, long sequence, bool endOfBatch)
    {
        e.StageValue = Mark(e.Value);
        Count++;
    }
}
