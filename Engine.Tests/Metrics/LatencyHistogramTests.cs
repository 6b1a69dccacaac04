using System.Diagnostics;
using CsCheck;
using Engine.Metrics;

namespace Engine.Tests.Metrics;

public sealed class LatencyHistogramTests
{
    private static long Ticks(long ns) => (long)Math.Round(ns * (Stopwatch.Frequency / 1e9));

    [Test]
    public void Record_ValueOnABound_CountsInThatBucketAndItsSum()
    {
        var histogram = new LatencyHistogram();
        int oneMs = LatencyHistogram.BoundsNs.IndexOf(1_000_000);

        histogram.Record(Ticks(1_000_000));
        histogram.Record(Ticks(1_000_000) + 1);

        Assert.That(histogram.CountOf(oneMs), Is.EqualTo(1), "le: a value on the bound is in the bound's bucket");
        Assert.That(histogram.CountOf(oneMs + 1), Is.EqualTo(1));
        Assert.That(histogram.SumTicksOf(oneMs), Is.EqualTo(Ticks(1_000_000)));
        Assert.That(histogram.Count, Is.EqualTo(2));
    }

    [Test]
    public void Record_AnyValue_LandsInTheFirstBucketWhoseBoundItDoesNotExceed()
    {
        Gen.OneOf(Gen.Long[0, Ticks(20_000_000_000)], Gen.Long[0, 4_096], Gen.Long).Sample(ticks =>
        {
            var histogram = new LatencyHistogram();
            histogram.Record(ticks);

            // Oracle: a linear scan of the bounds from the first.
            int expected = LatencyHistogram.Buckets - 1;
            var bounds = LatencyHistogram.BoundsNs;
            for (int i = 0; i < bounds.Length; i++)
            {
                if (Math.Max(0, ticks) <= Ticks(bounds[i]))
                {
                    expected = i;
                    break;
                }
            }
            return histogram.CountOf(expected) == 1 && histogram.Count == 1;
        });
    }

    [Test]
    public void Record_AboveTheLastBound_CountsInTheOverflowBucket()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(Ticks(60_000_000_000));

        Assert.That(histogram.CountOf(LatencyHistogram.Buckets - 1), Is.EqualTo(1));
        Assert.That(histogram.Count, Is.EqualTo(1));
    }

    [Test]
    public void Record_Negative_CountsAsZeroInTheFirstBucket()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(-5);

        Assert.That((histogram.CountOf(0), histogram.SumTicksOf(0)), Is.EqualTo((1L, 0L)));
    }

    [Test]
    public void Bounds_AreAscendingFrom250NsTo10S()
    {
        var bounds = LatencyHistogram.BoundsNs;

        Assert.That(bounds[0], Is.EqualTo(250));
        Assert.That(bounds[^1], Is.EqualTo(10_000_000_000));
        Assert.That(bounds.ToArray(), Is.Ordered.Ascending.And.Unique);
        Assert.That(LatencyHistogram.Buckets, Is.EqualTo(bounds.Length + 1));
    }

    [Test]
    public void Record_WarmedUp_AllocatesNothing()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1);
        long before = GC.GetAllocatedBytesForCurrentThread();

        for (long i = 0; i < 100_000; i++)
        {
            histogram.Record(i * 997);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(histogram.Count, Is.EqualTo(100_001));
    }

    [Test]
    public void CountOf_ReadWhileAnotherThreadRecords_OnlyGrowsAndEndsAtTheTotal()
    {
        const int Records = 2_000_000;
        var histogram = new LatencyHistogram();
        var writer = new Thread(() =>
        {
            for (int i = 0; i < Records; i++)
            {
                histogram.Record(i % 4096);
            }
        });
        writer.Start();
        long last = 0;
        bool shrank = false;
        while (writer.IsAlive)
        {
            long now = histogram.Count;
            shrank |= now < last;
            last = now;
        }
        Assert.That(writer.Join(TimeSpan.FromSeconds(30)), Is.True);

        Assert.That(shrank, Is.False);
        Assert.That(histogram.Count, Is.EqualTo(Records));
    }
}
