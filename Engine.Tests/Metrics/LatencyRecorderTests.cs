using Engine.Metrics;
using HdrHistogram;

namespace Engine.Tests.Metrics;

/// <summary>The intended-time latency recorder: its window, its clamps, and why it corrects coordinated omission.</summary>
public sealed class LatencyRecorderTests
{
    [Test]
    public void Record_BeforeOpen_RecordsNothing()
    {
        var recorder = new LatencyRecorder(1_000_000);

        bool recorded = recorder.Record(100, 250);

        Assert.That(recorded, Is.False);
        Assert.That(recorder.Histogram.TotalCount, Is.Zero);
    }

    [Test]
    public void Record_InsideTheWindow_RecordsDoneMinusIntended()
    {
        var recorder = new LatencyRecorder(1_000_000);
        recorder.Open(100, 1_000);

        bool recorded = recorder.Record(100, 350);

        Assert.That(recorded, Is.True);
        Assert.That(recorder.Histogram.TotalCount, Is.EqualTo(1));
        Assert.That(recorder.Histogram.GetValueAtPercentile(100), Is.EqualTo(250));
    }

    [TestCase(99)]
    [TestCase(1_000)]
    public void Record_IntendedOutsideTheWindow_IsLeftOut(long intended)
    {
        var recorder = new LatencyRecorder(1_000_000);
        recorder.Open(100, 1_000);

        Assert.That(recorder.Record(intended, intended + 10), Is.False);
        Assert.That(recorder.Histogram.TotalCount, Is.Zero);
    }

    [Test]
    public void Record_BeyondTheRange_IsClampedAndCounted()
    {
        var recorder = new LatencyRecorder(1_000);
        recorder.Open(0, long.MaxValue);

        recorder.Record(0, 5_000);

        Assert.That(recorder.Clamped, Is.EqualTo(1));
        Assert.That(recorder.Histogram.TotalCount, Is.EqualTo(1));
        Assert.That(recorder.Histogram.GetMaxValue(), Is.GreaterThanOrEqualTo(1_000).And.LessThan(1_010));
    }

    [Test]
    public void Record_DoneBeforeIntended_RecordsZero()
    {
        var recorder = new LatencyRecorder(1_000);
        recorder.Open(0, long.MaxValue);

        recorder.Record(500, 400);

        Assert.That(recorder.Histogram.GetMaxValue(), Is.Zero);
    }

    [Test]
    public void Record_AStallOfTenIntervals_CountsAgainstEveryEventDueDuringIt()
    {
        // One event due every 100 ticks; the consumer stalls from 0 to 1_000 and then handles the ten
        // events due meanwhile at once, 10 ticks each. Measured from when each was due, the stall shows
        // in every one of them (1_010 down to 200), not only in the first.
        var recorder = new LatencyRecorder(1_000_000);
        recorder.Open(0, long.MaxValue);
        long done = 1_000;
        for (long n = 0; n < 10; n++)
        {
            done += 10;
            recorder.Record(n * 100, done);
        }

        Assert.That(recorder.Histogram.TotalCount, Is.EqualTo(10));
        Assert.That(recorder.Histogram.GetValueAtPercentile(50), Is.InRange(560, 561));
        Assert.That(recorder.Histogram.GetMaxValue(), Is.InRange(1_010, 1_011));
    }
}
