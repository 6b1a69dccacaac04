using System.Diagnostics;
using Engine.Pipeline;
using Feeds;

namespace Engine.Tests.Pipeline;

public sealed class EventCounterTests
{
    private static InboundEvent Event(MarketDataKind kind, long orderId = 1, long priceTicks = 100, long quantity = 10) => new()
    {
        TsPublishTicks = Stopwatch.GetTimestamp(),
        Market = new MarketDataEvent { Kind = kind, InstrumentId = 2, OrderId = orderId, PriceTicks = priceTicks, Quantity = quantity },
    };

    /// <summary>As the chain calls the counter: the event, then the end of its batch if it is the last.</summary>
    private static void Handle(EventCounter counter, ref InboundEvent e, bool endOfBatch)
    {
        counter.OnEvent(ref e);
        if (endOfBatch)
        {
            counter.EndBatch(ref e);
        }
    }

    private static long ChecksumOf(params InboundEvent[] events)
    {
        var counter = new EventCounter();
        for (int i = 0; i < events.Length; i++)
        {
            Handle(counter, ref events[i], endOfBatch: i == events.Length - 1);
        }
        return counter.Checksum;
    }

    [Test]
    public void OnEvent_BeforeEndBatch_DoesNotPublishCounts()
    {
        var counter = new EventCounter();
        var e = Event(MarketDataKind.Add);

        Handle(counter, ref e, endOfBatch: false);
        Handle(counter, ref e, endOfBatch: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counter.Total, Is.Zero);
            Assert.That(counter.Count(MarketDataKind.Add), Is.Zero);
        }
    }

    [Test]
    public void EndBatch_PublishesCountsByKind()
    {
        var counter = new EventCounter();
        InboundEvent[] events =
        [
            Event(MarketDataKind.Add), Event(MarketDataKind.Add), Event(MarketDataKind.Add),
            Event(MarketDataKind.Delete), Event(MarketDataKind.Execute), Event(MarketDataKind.Execute),
            Event(MarketDataKind.Trade),
        ];

        for (int i = 0; i < events.Length; i++)
        {
            Handle(counter, ref events[i], endOfBatch: i == events.Length - 1);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counter.Total, Is.EqualTo(7));
            Assert.That(counter.Count(MarketDataKind.Add), Is.EqualTo(3));
            Assert.That(counter.Count(MarketDataKind.Delete), Is.EqualTo(1));
            Assert.That(counter.Count(MarketDataKind.Execute), Is.EqualTo(2));
            Assert.That(counter.Count(MarketDataKind.Trade), Is.EqualTo(1));
            Assert.That(counter.Count(MarketDataKind.None), Is.Zero);
        }
    }

    [Test]
    public void Checksum_SameEventsSameOrder_IsEqual()
    {
        var a = Event(MarketDataKind.Add, orderId: 1);
        var b = Event(MarketDataKind.Delete, orderId: 1);

        long first = ChecksumOf(a, b);
        long second = ChecksumOf(a, b);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Checksum_SameEventsOtherOrder_Differs()
    {
        var a = Event(MarketDataKind.Add, orderId: 1);
        var b = Event(MarketDataKind.Add, orderId: 2, priceTicks: 101);

        Assert.That(ChecksumOf(a, b), Is.Not.EqualTo(ChecksumOf(b, a)));
    }

    [Test]
    public void Checksum_FieldChanged_Differs()
    {
        var original = Event(MarketDataKind.Add, quantity: 10);
        var changed = Event(MarketDataKind.Add, quantity: 20);

        Assert.That(ChecksumOf(changed), Is.Not.EqualTo(ChecksumOf(original)));
    }

    [Test]
    public void MaxDelayNs_EventPublishedOneSecondEarlier_IsAtLeastOneSecond()
    {
        var counter = new EventCounter();
        var e = Event(MarketDataKind.Trade);
        e.TsPublishTicks = Stopwatch.GetTimestamp() - Stopwatch.Frequency;

        Handle(counter, ref e, endOfBatch: true);

        Assert.That(counter.MaxDelayNs, Is.GreaterThanOrEqualTo(1_000_000_000));
    }

    [Test]
    public void MaxDelayNs_DelayOnlyMidBatch_IsNotMeasured()
    {
        var counter = new EventCounter();
        var old = Event(MarketDataKind.Trade);
        old.TsPublishTicks = Stopwatch.GetTimestamp() - (10 * Stopwatch.Frequency);
        var last = Event(MarketDataKind.Trade);

        Handle(counter, ref old, endOfBatch: false);
        Handle(counter, ref last, endOfBatch: true);

        Assert.That(counter.MaxDelayNs, Is.LessThan(10_000_000_000), "only the end-of-batch event is timed");
    }

    /// <remarks>
    /// Regression: ticks * 1e9 / frequency overflowed for delays above about 9.2 s at 1 GHz ticks.
    /// </remarks>
    [Test]
    public void MaxDelayNs_DelayOfTenSeconds_IsReportedWithoutOverflow()
    {
        var counter = new EventCounter();
        var e = Event(MarketDataKind.Trade);
        e.TsPublishTicks = Stopwatch.GetTimestamp() - (10 * Stopwatch.Frequency);

        Handle(counter, ref e, endOfBatch: true);

        Assert.That(counter.MaxDelayNs, Is.GreaterThanOrEqualTo(10_000_000_000), "the tick-to-nanosecond conversion overflows");
    }
}
