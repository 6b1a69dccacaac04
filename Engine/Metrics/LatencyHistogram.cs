using System.Diagnostics;
using System.Numerics;

namespace Engine.Metrics;

/// <summary>
/// A latency histogram with fixed log-scale buckets (1-2-5 steps from 250 ns to 10 s, plus one
/// above), recorded on the loop thread without locks or allocation and read from any thread through
/// a <see cref="LatencyWindow"/>.
/// </summary>
/// <remarks>
/// <para>Each bucket keeps a count and the sum of its values, in <see cref="Stopwatch"/> ticks: the
/// bounds are converted to ticks once, so <see cref="Record"/> compares ticks and never divides. A
/// value falls in the first bucket whose bound it does not exceed (Prometheus's <c>le</c>); the
/// buckets are the <c>le</c> bounds of the published histograms.</para>
/// <para>Threads: one writer (the loop). Counts only grow, so a reader that sees a count one record
/// behind, or a sum one record ahead of its count, is merely a moment out of date.</para>
/// <para>Why not HdrHistogram: its histograms are not safe to read while another thread records,
/// and its interval <c>Recorder</c> swaps in a fresh histogram per read; a fixed set of buckets equal
/// to the exported ones needs neither.</para>
/// </remarks>
public sealed class LatencyHistogram
{
    private static readonly long[] s_boundsNs =
    [
        250, 500,
        1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
        1_000_000, 2_000_000, 5_000_000, 10_000_000, 20_000_000, 50_000_000, 100_000_000, 200_000_000, 500_000_000,
        1_000_000_000, 2_000_000_000, 5_000_000_000, 10_000_000_000,
    ];

    private readonly long[] _boundsTicks;
    private readonly byte[] _firstBucketByLog2; // the first bucket a value of 2^n..2^(n+1)-1 ticks can fall in
    private readonly long[] _counts;
    private readonly long[] _sumsTicks;

    /// <summary>An empty histogram.</summary>
    public LatencyHistogram()
    {
        _boundsTicks = new long[s_boundsNs.Length];
        for (int i = 0; i < s_boundsNs.Length; i++)
        {
            _boundsTicks[i] = (long)Math.Round(s_boundsNs[i] * (Stopwatch.Frequency / 1e9));
        }
        _firstBucketByLog2 = new byte[64];
        for (int log2 = 0; log2 < 64; log2++)
        {
            int bucket = 0;
            while (bucket < _boundsTicks.Length && (ulong)_boundsTicks[bucket] < 1UL << log2)
            {
                bucket++;
            }
            _firstBucketByLog2[log2] = (byte)bucket;
        }
        _counts = new long[s_boundsNs.Length + 1];
        _sumsTicks = new long[s_boundsNs.Length + 1];
    }

    /// <summary>The finite upper bounds of the buckets, nanoseconds, ascending; one more bucket holds everything above the last.</summary>
    public static ReadOnlySpan<long> BoundsNs => s_boundsNs;

    /// <summary>Number of buckets: the finite bounds and the one above them.</summary>
    public static int Buckets => s_boundsNs.Length + 1;

    /// <summary>
    /// Records one latency of <paramref name="elapsedTicks"/> (<see cref="Stopwatch"/> ticks; a negative
    /// value counts as 0). Loop thread only: the value's power of two picks where to start, then at most
    /// three bounds are compared (1-2-5 steps put no more than two in one power of two); two stores, no
    /// allocation.
    /// </summary>
    public void Record(long elapsedTicks)
    {
        long ticks = Math.Max(0, elapsedTicks);
        var bounds = _boundsTicks;
        int bucket = _firstBucketByLog2[BitOperations.Log2((ulong)ticks)];
        while (bucket < bounds.Length && ticks > bounds[bucket])
        {
            bucket++;
        }
        _sumsTicks[bucket] += ticks;
        // Release: a reader that sees the new count sees the sum that includes it.
        Volatile.Write(ref _counts[bucket], _counts[bucket] + 1);
    }

    /// <summary>Values recorded in <paramref name="bucket"/> so far. Any thread.</summary>
    public long CountOf(int bucket) => Volatile.Read(ref _counts[bucket]);

    /// <summary>Sum of the values recorded in <paramref name="bucket"/>, <see cref="Stopwatch"/> ticks; at least the sum of the first <see cref="CountOf"/> values. Any thread.</summary>
    public long SumTicksOf(int bucket) => Volatile.Read(ref _sumsTicks[bucket]);

    /// <summary>Values recorded in all buckets so far. Any thread.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _counts.Length; i++)
            {
                total += Volatile.Read(ref _counts[i]);
            }
            return total;
        }
    }
}
