using Engine.Ring;

namespace Engine.Tests.Ring;

/// <summary>A later stage: checks that the first stage's write is in every slot it sees.</summary>
internal sealed class StageReaderHandler : IEventHandler<TestEvent>
{
    private long _lastValue;

    /// <summary>Events seen.</summary>
    public long Count { get; private set; }

    /// <summary>Events without the first stage's mark: the later stage overtook the first.</summary>
    public long MissingWrites { get; private set; }

    /// <summary>Events whose value was not the previous value + 1.</summary>
    public long OrderViolations { get; private set; }

    public void OnEvent(ref TestEvent e, long sequence, bool endOfBatch)
    {
        if (e.StageValue != StageWriterHandler.Mark(e.Value))
        {
            MissingWrites++;
        }
        if (e.Value != _lastValue + 1)
        {
            OrderViolations++;
        }
        _lastValue = e.Value;
        Count++;
    }
}
