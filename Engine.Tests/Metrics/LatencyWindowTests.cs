using System.Diagnostics;
using CsCheck;
using Engine.Metrics;

namespace Engine.Tests.Metrics;

public sealed class LatencyWindowTests
{
    private static long Ticks(long ns) => (long)Math.Round(ns * (Stopwatch.Frequency / 1e9));

    [Test]
    public void Advance_AfterMoreRecords_HoldsOnlyWhatWasRecordedSince()
    {
        var histogram = new LatencyHistogram();
        var window = new LatencyWindow(histogram);
        histogram.Record(Ticks(3_000));
        histogram.Record(Ticks(3_000));

        Assert.That(window.Advance(), Is.EqualTo(2));
        histogram.Record(Ticks(40_000));

        Assert.That(window.Advance(), Is.EqualTo(1));
        Assert.That(window.PercentileNs(0.5), Is.EqualTo(50_000));
        Assert.That(window.Advance(), Is.Zero);
        Assert.That(window.PercentileNs(0.99), Is.Zero, "an empty window");
    }

    [Test]
    public void PercentileNs_99thOfAHundred_IsTheBoundOfThe99thValuesBucket()
    {
        var histogram = new LatencyHistogram();
        for (int i = 0; i < 98; i++)
        {
            histogram.Record(Ticks(800));
        }
        histogram.Record(Ticks(150_000));
        histogram.Record(Ticks(3_000_000));
        var window = new LatencyWindow(histogram);
        window.Advance();

        Assert.That(window.PercentileNs(0.5), Is.EqualTo(1_000));
        Assert.That(window.PercentileNs(0.99), Is.EqualTo(200_000));
        Assert.That(window.PercentileNs(1), Is.EqualTo(5_000_000));
    }

    [Test]
    public void PercentileNs_InTheOverflowBucket_ReturnsMaxValue()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(Ticks(11_000_000_000));
        var window = new LatencyWindow(histogram);
        window.Advance();

        Assert.That(window.PercentileNs(0.99), Is.EqualTo(long.MaxValue));
    }

    [Test]
    public void PercentileNs_QuantileOutsideZeroToOne_Throws()
    {
        var window = new LatencyWindow(new LatencyHistogram());

        Assert.That(() => window.PercentileNs(1.5), Throws.ArgumentException);
    }

    [Test]
    public void MeanSecondsOf_RecordedValues_IsTheirMeanInsideTheBucket()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(Ticks(12_000));
        histogram.Record(Ticks(18_000));
        var window = new LatencyWindow(histogram);
        window.Advance();
        int bucket = LatencyHistogram.BoundsNs.IndexOf(20_000);

        Assert.That(window.CountOf(bucket), Is.EqualTo(2));
        Assert.That(window.MeanSecondsOf(bucket), Is.EqualTo(15e-6).Within(1e-9));
        Assert.That(window.MeanSecondsOf(0), Is.Zero, "an empty bucket");
    }

    [Test]
    public void PercentileNs_RandomLatencies_IsTheSmallestBoundAtOrAboveTheExactQuantile()
    {
        var latenciesNs = Gen.Long[0, 20_000_000_000].Array[1, 300];
        Gen.Select(latenciesNs, Gen.Double[0, 1]).Sample((values, quantile) =>
        {
            var histogram = new LatencyHistogram();
            foreach (long ns in values)
            {
                histogram.Record(Ticks(ns));
            }
            var window = new LatencyWindow(histogram);
            window.Advance();

            // Oracle: the value of rank ceil(q * n) (at least 1) in sorted order, then the bucket that holds it.
            var sorted = values.Order().ToArray();
            long exact = sorted[(int)Math.Max(1, Math.Ceiling(quantile * sorted.Length)) - 1];
            long expected = long.MaxValue;
            foreach (long bound in LatencyHistogram.BoundsNs)
            {
                if (Ticks(exact) <= Ticks(bound))
                {
                    expected = bound;
                    break;
                }
            }
            return window.PercentileNs(quantile) == expected && window.Total == values.Length;
        });
    }
}
