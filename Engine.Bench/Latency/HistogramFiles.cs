using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using ScottPlot;

namespace Engine.Bench.Latency;

/// <summary>Writes latency histograms (Stopwatch ticks) as HdrHistogram percentile files and as a percentile plot.</summary>
internal static class HistogramFiles
{
    /// <summary>The x positions of the plot's labels: log10(1 / (1 - percentile)).</summary>
    private static readonly (double X, string Label)[] s_percentileTicks =
        [(0, "0%"), (1, "90%"), (2, "99%"), (3, "99.9%"), (4, "99.99%"), (5, "99.999%"), (6, "99.9999%")];

    /// <summary>Writes <paramref name="histogram"/> as an HdrHistogram percentile distribution (.hgrm), values in microseconds.</summary>
    public static void WriteHgrm(string path, HistogramBase histogram)
    {
        using var writer = new StreamWriter(path);
        histogram.OutputPercentileDistribution(writer, percentileTicksPerHalfDistance: 5, outputValueUnitScalingRatio: Stopwatch.Frequency / 1e6);
    }

    /// <summary>
    /// Plots each series' latency (microseconds, log scale) against its percentile on the usual log scale of
    /// 1 / (1 - percentile), and saves it as a PNG.
    /// </summary>
    public static void WritePercentilePlot(string path, string title, IReadOnlyList<(string Name, HistogramBase Histogram)> series)
    {
        var plot = new Plot();
        foreach (var (name, histogram) in series)
        {
            if (histogram.TotalCount == 0)
            {
                continue;
            }
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var step in histogram.Percentiles(5))
            {
                // The last step reaches 100%: plot it one decade past the one before.
                double fraction = step.PercentileLevelIteratedTo / 100.0;
                double x = fraction >= 1 ? (xs.Count > 0 ? xs[^1] + 1 : 0) : Math.Log10(1 / (1 - fraction));
                xs.Add(x);
                // Log scale: 10 ns and under sit on the floor.
                ys.Add(Math.Log10(Math.Max(0.01, step.ValueIteratedTo * 1e6 / Stopwatch.Frequency)));
            }
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.LegendText = name;
        }
        plot.Title(title);
        plot.XLabel("percentile");
        plot.YLabel("latency (us, log scale)");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString("0.###", CultureInfo.InvariantCulture),
        };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            s_percentileTicks.Select(t => t.X).ToArray(), s_percentileTicks.Select(t => t.Label).ToArray());
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1000, 600);
    }

    /// <summary>The one-minute load average (from /proc/loadavg), or -1 where there is none.</summary>
    public static double LoadAverage1m()
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return -1;
        }
        string first = File.ReadAllText("/proc/loadavg").Split(' ', 2)[0];
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double load) ? load : -1;
    }
}
