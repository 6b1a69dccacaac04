using Engine.Host;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;

namespace Engine.Tests.Host;

/// <summary>The loop's tick: a no-op command into the inbound ring, never a wait on a full ring.</summary>
public sealed class LoopTickerTests
{
    [Test]
    public void Tick_RoomInTheRing_PublishesANoOpCommand()
    {
        var ring = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 4, new YieldingWaitStrategy());
        ring.AddGatingSequences(new Sequence());
        var ticker = new LoopTicker(ring);

        ticker.Tick();

        Assert.That((ring.Cursor, ring[0].Kind, ring[0].Command), Is.EqualTo((0L, InboundKind.Command, ControlCommand.None)));
        Assert.That((ticker.Published, ticker.Skipped), Is.EqualTo((1L, 0L)));
    }

    [Test]
    public void Tick_RingFull_SkipsWithoutWaiting()
    {
        var ring = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 2, new YieldingWaitStrategy());
        ring.AddGatingSequences(new Sequence());
        var ticker = new LoopTicker(ring);

        for (int i = 0; i < 5; i++)
        {
            ticker.Tick();
        }

        Assert.That((ticker.Published, ticker.Skipped), Is.EqualTo((2L, 3L)));
    }
}
