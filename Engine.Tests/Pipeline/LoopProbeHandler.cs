using Engine.Pipeline;
using Engine.Ring;
using Engine.Tests.Ring;

namespace Engine.Tests.Pipeline;

/// <summary>Records, from inside the loop, which CPUs and which thread it runs on, and counts events.</summary>
/// <remarks>Loop thread only; read the results after the loop has stopped.</remarks>
internal sealed class LoopProbeHandler : IEventHandler<TestEvent>
{
    /// <summary>The loop thread's CPU affinity, read at the first event.</summary>
    public IReadOnlyList<int>? Affinity { get; private set; }

    /// <summary>The loop thread's name, read at the first event.</summary>
    public string? ThreadName { get; private set; }

    /// <summary>Events handled.</summary>
    public long Count { get; private set; }

    public void OnEvent(ref TestEvent e, long sequence, bool endOfBatch)
    {
        if (Count == 0)
        {
            Affinity = LinuxThreadTuning.CurrentThreadAffinity();
            ThreadName = Thread.CurrentThread.Name;
        }
        Count++;
    }
}
