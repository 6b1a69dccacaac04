using System.Diagnostics;
using HdrHistogram;

namespace Engine.Bench.Latency;

/// <summary>Percentiles of one latency histogram, in nanoseconds.</summary>
internal sealed record LatencyStats(long Count, long P50Ns, long P90Ns, long P99Ns, long P999Ns, long P9999Ns, long MaxNs)
{
    /// <summary>A histogram for Stopwatch-tick values up to ten seconds, three significant digits.</summary>
    public static LongHistogram NewHistogram() => new(10 * Stopwatch.Frequency, 3);

    /// <summary>Reads the percentiles of a histogram recorded in Stopwatch ticks; all zero when it recorded nothing.</summary>
    public static LatencyStats From(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0);
        }
        long Ns(double percentile) => TicksToNs(histogram.GetValueAtPercentile(percentile));
        return new LatencyStats(histogram.TotalCount, Ns(50), Ns(90), Ns(99), Ns(99.9), Ns(99.99), TicksToNs(histogram.GetMaxValue()));
    }

    public static long TicksToNs(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));

    public string Summary() => $"p50={P50Ns}ns p90={P90Ns}ns p99={P99Ns}ns p99.9={P999Ns}ns p99.99={P9999Ns}ns max={MaxNs}ns n={Count}";
}
