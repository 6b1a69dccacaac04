using System.Diagnostics;
using Engine.Ring;

namespace Engine.Metrics;

/// <summary>
/// One reader's view of a <see cref="LatencyHistogram"/>: each <see cref="Advance"/> takes what was
/// recorded since the previous one, for a Prometheus histogram (the per-bucket counts and mean
/// values) or a recent percentile (the status line's p99).
/// </summary>
/// <remarks>
/// Owned by one reader thread (the metrics timer, or the status line: one window each); the
/// histogram's writer is not disturbed. Allocates nothing after construction.
/// <example><code>
/// var window = new LatencyWindow(host.Router.TickToOrder);
/// window.Advance();
/// long p99Ns = window.PercentileNs(0.99);
/// </code></example>
/// </remarks>
public sealed class LatencyWindow
{
    private readonly LatencyHistogram _histogram;
    private readonly long[] _seenCounts = new long[LatencyHistogram.Buckets];
    private readonly long[] _seenSums = new long[LatencyHistogram.Buckets];
    private readonly long[] _counts = new long[LatencyHistogram.Buckets];
    private readonly long[] _sumsTicks = new long[LatencyHistogram.Buckets];
    private long _total;

    /// <summary>A window on <paramref name="histogram"/>; its first <see cref="Advance"/> takes everything recorded so far.</summary>
    public LatencyWindow(LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        _histogram = histogram;
    }

    /// <summary>Values in the current window.</summary>
    public long Total => _total;

    /// <summary>Moves the window on: it now holds what was recorded since the previous call. Returns the number of values in it.</summary>
    public long Advance()
    {
        _total = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            long count = _histogram.CountOf(i);
            long sum = _histogram.SumTicksOf(i);
            _counts[i] = count - _seenCounts[i];
            _sumsTicks[i] = sum - _seenSums[i];
            _seenCounts[i] = count;
            _seenSums[i] = sum;
            _total += _counts[i];
        }
        return _total;
    }

    /// <summary>Values of the current window in <paramref name="bucket"/>.</summary>
    public long CountOf(int bucket) => _counts[bucket];

    /// <summary>
    /// The mean of the current window's values in <paramref name="bucket"/>, seconds, kept inside the
    /// bucket (a sum read a record ahead of its count could push it out); 0 for an empty bucket.
    /// </summary>
    public double MeanSecondsOf(int bucket)
    {
        long count = _counts[bucket];
        if (count == 0)
        {
            return 0;
        }
        double mean = _sumsTicks[bucket] / (double)count / Stopwatch.Frequency;
        var bounds = LatencyHistogram.BoundsNs;
        double above = bucket == 0 ? 0 : Math.BitIncrement(bounds[bucket - 1] / 1e9);
        double upTo = bucket < bounds.Length ? bounds[bucket] / 1e9 : double.MaxValue;
        return Math.Clamp(mean, above, upTo);
    }

    /// <summary>
    /// The <paramref name="quantile"/> (0..1) of the current window, nanoseconds: the upper bound of the
    /// bucket that holds it (so at most one bucket step high); <see cref="long.MaxValue"/> when it lies
    /// above the last bound, 0 when the window is empty.
    /// </summary>
    public long PercentileNs(double quantile)
    {
        if (quantile is < 0 or > 1)
        {
            ThrowHelper.ThrowArgument(nameof(quantile), $"quantile {quantile} is outside 0..1");
        }
        if (_total == 0)
        {
            return 0;
        }
        long rank = Math.Max(1, (long)Math.Ceiling(quantile * _total));
        long seen = 0;
        var bounds = LatencyHistogram.BoundsNs;
        for (int i = 0; i < bounds.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return bounds[i];
            }
        }
        return long.MaxValue;
    }
}
