using System.Runtime.InteropServices;

namespace Engine.Tests.Ring;

/// <summary>The test rings' event: who published it, its per-producer counter, and a field a first stage writes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TestEvent
{
    /// <summary>The producer's counter: 1, 2, 3, … for each producer.</summary>
    public long Value;

    /// <summary>Written by a first processing stage, read by a later one.</summary>
    public long StageValue;

    /// <summary>Index of the producer, 0..producers-1.</summary>
    public int ProducerId;
}
