using System.Diagnostics;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Tests.Support;
using Feeds;

namespace Engine.Tests.Pipeline;

public sealed class RingMarketDataSinkTests
{
    private static MarketDataEvent SampleEvent() => new()
    {
        TsEventNs = 11,
        TsRecvNs = 12,
        OrderId = 13,
        PriceTicks = 14,
        Quantity = 15,
        InstrumentId = 16,
        Kind = MarketDataKind.Execute,
        Side = Side.Sell,
    };

    [TestCase(ProducerType.Single)]
    [TestCase(ProducerType.Multi)]
    public void Publish_Event_CopiesItIntoTheNextSlotAndPublishesIt(ProducerType producers)
    {
        var ring = RingBuffer<InboundEvent>.Create(producers, 8, new YieldingWaitStrategy());
        var sink = new RingMarketDataSink(ring);
        var marketEvent = SampleEvent();
        long before = Stopwatch.GetTimestamp();

        sink.Publish(in marketEvent);

        long after = Stopwatch.GetTimestamp();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ring.Sequencer.IsAvailable(0), Is.True);
            Assert.That(ring[0].Market, Is.EqualTo(marketEvent));
            Assert.That(ring[0].TsPublishTicks, Is.InRange(before, after));
        }
    }

    [Test]
    public void Publish_CallerReusesItsStruct_SlotKeepsTheCopy()
    {
        var ring = RingBuffer<InboundEvent>.Create(ProducerType.Single, 8, new YieldingWaitStrategy());
        var sink = new RingMarketDataSink(ring);
        var marketEvent = SampleEvent();

        sink.Publish(in marketEvent);
        marketEvent.OrderId = 99;
        sink.Publish(in marketEvent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ring[0].Market.OrderId, Is.EqualTo(13));
            Assert.That(ring[1].Market.OrderId, Is.EqualTo(99));
        }
    }

    [Test]
    public void Publish_RingFull_WaitsForTheConsumerInsteadOfDropping()
    {
        var ring = RingBuffer<InboundEvent>.Create(ProducerType.Single, 8, new YieldingWaitStrategy());
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);
        var sink = new RingMarketDataSink(ring);
        var marketEvent = SampleEvent();
        for (int i = 0; i < 8; i++)
        {
            sink.Publish(in marketEvent);
        }

        var feed = WorkerThread.Start("feed", () =>
        {
            var last = SampleEvent();
            last.OrderId = 1234;
            sink.Publish(in last);
        });

        Assert.That(feed.TryJoin(TestTimeouts.StillBlocked), Is.False, "the sink returned while the ring was full");
        consumer.SetValue(0);
        feed.Join(TestTimeouts.Join);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ring[8].Market.OrderId, Is.EqualTo(1234));
            Assert.That(ring.Sequencer.ClaimWaits, Is.EqualTo(1));
        }
    }
}
