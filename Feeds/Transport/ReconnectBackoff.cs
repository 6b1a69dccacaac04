namespace Feeds.Transport;

/// <summary>
/// Exponential backoff with full jitter: the delay before reconnect attempt n (after n failures in
/// a row) is uniform in [0, min(max, initial * 2^n)] milliseconds.
/// </summary>
/// <remarks>
/// Full jitter spreads the reconnects of many clients that lost the same server, instead of
/// bringing them back in waves. Used by the transport's supervisor only; <see cref="Random"/> is
/// not thread-safe. Tests pass a seeded <see cref="Random"/> to get the same delays every run.
/// </remarks>
internal sealed class ReconnectBackoff
{
    private readonly long _initialDelayMs;
    private readonly long _maxDelayMs;
    private readonly Random _random;

    /// <summary>Creates the backoff; <paramref name="random"/> is the jitter source.</summary>
    public ReconnectBackoff(long initialDelayMs, long maxDelayMs, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDelayMs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelayMs, initialDelayMs);
        _initialDelayMs = initialDelayMs;
        _maxDelayMs = maxDelayMs;
        _random = random;
    }

    /// <summary>Upper bound of the delay after <paramref name="failures"/> failures in a row, milliseconds.</summary>
    public long CeilingMs(int failures)
    {
        long ceiling = _initialDelayMs;
        // Doubling stops at the bound, so this runs at most ~40 times and never overflows.
        for (int i = 0; i < failures && ceiling < _maxDelayMs; i++)
        {
            ceiling *= 2;
        }
        return Math.Min(ceiling, _maxDelayMs);
    }

    /// <summary>A random delay in [0, <see cref="CeilingMs"/>].</summary>
    public TimeSpan NextDelay(int failures) => TimeSpan.FromMilliseconds(_random.NextInt64(0, CeilingMs(failures) + 1));
}
