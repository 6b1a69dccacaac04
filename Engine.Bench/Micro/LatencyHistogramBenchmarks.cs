using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Engine.Metrics;

namespace Engine.Bench.Micro;

/// <summary>
/// The router's latency recording (<see cref="LatencyHistogram.Record"/>) over 1,024 latencies spread
/// log-uniformly from 1 us to 1 ms (the bounds scan is longer for larger values): the record alone
/// (tick to order, whose stamps the router already has), and with a <see cref="Stopwatch"/> read
/// first (intent to ack, which reads the clock when the answer is handled). The baseline only sums
/// the latencies, the cost of the loop around the record.
/// </summary>
[MemoryDiagnoser]
public class LatencyHistogramBenchmarks
{
    private const int Latencies = 1_024;

    private readonly long[] _ticks = new long[Latencies];
    private readonly LatencyHistogram _histogram = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        for (int i = 0; i < Latencies; i++)
        {
            double ns = Math.Pow(10, 3 + (3 * random.NextDouble()));
            _ticks[i] = (long)(ns * Stopwatch.Frequency / 1e9);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Latencies)]
    public long SumOnly()
    {
        long sum = 0;
        for (int i = 0; i < Latencies; i++)
        {
            sum += _ticks[i];
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Latencies)]
    public long Record()
    {
        for (int i = 0; i < Latencies; i++)
        {
            _histogram.Record(_ticks[i]);
        }
        return _histogram.CountOf(0);
    }

    [Benchmark(OperationsPerInvoke = Latencies)]
    public long ReadClockThenRecord()
    {
        for (int i = 0; i < Latencies; i++)
        {
            _histogram.Record(Stopwatch.GetTimestamp() - _ticks[i]);
        }
        return _histogram.CountOf(0);
    }
}
