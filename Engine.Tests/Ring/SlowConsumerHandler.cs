using Engine.Ring;
using Engine.Tests.Support;

namespace Engine.Tests.Ring;

/// <summary>
/// A deliberately slow consumer for one producer publishing values 1, 2, 3, … (value = sequence + 1).
/// Before its first event it waits until the producer has filled the ring and is blocked, then
/// checks that no slot was overwritten; for every event it checks the slot, gives its core away, and
/// checks the slot again, so a producer that overwrote a slot being processed is caught.
/// </summary>
/// <remarks>Processor thread only; read the results after the processor has stopped.</remarks>
internal sealed class SlowConsumerHandler(RingBuffer<TestEvent> ring) : IEventHandler<TestEvent>
{
    /// <summary>Events seen.</summary>
    public long Count { get; private set; }

    /// <summary>Slots that did not hold the value their sequence was published with.</summary>
    public long Overwrites { get; private set; }

    /// <summary>Whether the producer was seen blocked on the full ring before the first event was consumed.</summary>
    public bool SawProducerBlocked { get; private set; }

    public void OnEvent(ref TestEvent e, long sequence, bool endOfBatch)
    {
        if (sequence == 0)
        {
            WaitUntilProducerBlocked();
        }
        if (e.Value != sequence + 1)
        {
            Overwrites++;
        }
        Thread.Yield();
        if (e.Value != sequence + 1)
        {
            Overwrites++;
        }
        Count++;
    }

    private void WaitUntilProducerBlocked()
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Join;
        while (ring.Sequencer.ClaimWaits == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Yield();
        }
        SawProducerBlocked = ring.Sequencer.ClaimWaits > 0;
        // The whole first lap is published and unconsumed: every slot must still hold it.
        for (long s = 0; s < ring.BufferSize; s++)
        {
            if (ring[s].Value != s + 1)
            {
                Overwrites++;
            }
        }
    }
}
