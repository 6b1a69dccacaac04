using Engine.Host;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Tests.Support;

namespace Engine.Tests.Host;

/// <summary>The loop's tick: a no-op command into the inbound ring once a period, never a wait on a full ring.</summary>
public sealed class LoopTickerTests
{
    [Test]
    public void Tick_RoomInTheRing_PublishesANoOpCommand()
    {
        var ring = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 4, new YieldingWaitStrategy());
        ring.AddGatingSequences(new Sequence());
        using var ticker = new LoopTicker(ring, TimeSpan.FromMilliseconds(1));

        ticker.Tick();

        Assert.That((ring.Cursor, ring[0].Kind, ring[0].Command), Is.EqualTo((0L, InboundKind.Command, ControlCommand.None)));
        Assert.That((ticker.Published, ticker.Skipped), Is.EqualTo((1L, 0L)));
    }

    [Test]
    public void Tick_RingFull_SkipsWithoutWaiting()
    {
        var ring = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 2, new YieldingWaitStrategy());
        ring.AddGatingSequences(new Sequence());
        using var ticker = new LoopTicker(ring, TimeSpan.FromMilliseconds(1));

        for (int i = 0; i < 5; i++)
        {
            ticker.Tick();
        }

        Assert.That((ticker.Published, ticker.Skipped), Is.EqualTo((2L, 3L)));
    }

    [Test]
    public void Start_ThenStop_TicksOnItsOwnMeanwhile()
    {
        var ring = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 1_024, new YieldingWaitStrategy());
        var loop = new Sequence();
        ring.AddGatingSequences(loop);
        using var ticker = new LoopTicker(ring, TimeSpan.FromMilliseconds(1));

        ticker.Start();
        Eventually.Until(() => ticker.Published >= 3, TestTimeouts.Join, "three ticks");
        ticker.Stop();

        Assert.That(ring.Cursor, Is.GreaterThanOrEqualTo(2));
    }
}
