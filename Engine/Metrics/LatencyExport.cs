using Prometheus;

namespace Engine.Metrics;

/// <summary>
/// Publishes a <see cref="LatencyHistogram"/> as a Prometheus histogram with the same buckets: each
/// <see cref="Publish"/> observes, per bucket, the values recorded since the previous one, at their
/// mean (so <c>_count</c>, every <c>_bucket</c> and, up to rounding, <c>_sum</c> are exact).
/// </summary>
/// <remarks>The metrics timer thread only.</remarks>
internal sealed class LatencyExport
{
    private readonly LatencyWindow _window;
    private readonly Histogram _histogram;

    /// <summary>Registers <paramref name="name"/> in <paramref name="factory"/> for <paramref name="source"/>.</summary>
    public LatencyExport(IMetricFactory factory, string name, string help, LatencyHistogram source)
    {
        _window = new LatencyWindow(source);
        var boundsNs = LatencyHistogram.BoundsNs;
        var buckets = new double[boundsNs.Length];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = boundsNs[i] / 1e9;
        }
        _histogram = factory.CreateHistogram(name, help, new HistogramConfiguration { Buckets = buckets });
    }

    /// <summary>Observes what was recorded since the previous call.</summary>
    public void Publish()
    {
        if (_window.Advance() == 0)
        {
            return;
        }
        for (int bucket = 0; bucket < LatencyHistogram.Buckets; bucket++)
        {
            long count = _window.CountOf(bucket);
            if (count > 0)
            {
                _histogram.Observe(_window.MeanSecondsOf(bucket), count);
            }
        }
    }
}
