using Engine.Risk;

namespace Engine.Tests.Risk;

public sealed class SlidingWindowCounterTests
{
    [Test]
    public void Record_ThresholdOne_EveryEventTrips()
    {
        var counter = new SlidingWindowCounter(threshold: 1, windowNs: 10);

        Assert.That(counter.Record(0), Is.True);
        Assert.That(counter.Record(1_000), Is.True);
    }

    [Test]
    public void Record_ThresholdEventsJustInsideTheWindow_Trips()
    {
        var counter = new SlidingWindowCounter(threshold: 3, windowNs: 10);

        Assert.That(counter.Record(100), Is.False);
        Assert.That(counter.Record(105), Is.False);
        Assert.That(counter.Record(109), Is.True);
    }

    [Test]
    public void Record_OldestExactlyOneWindowOld_DoesNotTrip()
    {
        var counter = new SlidingWindowCounter(threshold: 3, windowNs: 10);

        counter.Record(100);
        counter.Record(105);

        Assert.That(counter.Record(110), Is.False);
    }

    [Test]
    public void Record_SlidesOverOldEvents_TripsWhenTheLastThresholdFit()
    {
        var counter = new SlidingWindowCounter(threshold: 3, windowNs: 10);
        counter.Record(0);
        counter.Record(20);
        counter.Record(25);

        Assert.That(counter.Record(29), Is.True);
    }

    [Test]
    public void Clear_AfterEvents_StartsCountingAgain()
    {
        var counter = new SlidingWindowCounter(threshold: 2, windowNs: 10);
        counter.Record(0);
        counter.Clear();

        Assert.That(counter.Record(1), Is.False);
        Assert.That(counter.Record(2), Is.True);
    }
}
