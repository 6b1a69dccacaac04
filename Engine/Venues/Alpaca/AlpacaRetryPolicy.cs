namespace Engine.Venues.Alpaca;

/// <summary>
/// Delays between tries: exponential backoff with full jitter (uniform in [0, min(cap, base x 2^n)]),
/// never shorter than the server's Retry-After; a Retry-After longer than the cap ends the retries.
/// </summary>
/// <remarks>Thread-safe (the random source is locked).</remarks>
internal sealed class AlpacaRetryPolicy
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly long _baseTicks;
    private readonly long _capTicks;

    /// <summary>A policy with the options' base and cap; <paramref name="random"/> draws the jitter (a seeded one in tests).</summary>
    public AlpacaRetryPolicy(int backoffBaseMs, int backoffCapMs, int maxRetries, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _baseTicks = TimeSpan.FromMilliseconds(backoffBaseMs).Ticks;
        _capTicks = TimeSpan.FromMilliseconds(backoffCapMs).Ticks;
        MaxRetries = maxRetries;
        _random = random;
    }

    /// <summary>Retries after the first try.</summary>
    public int MaxRetries { get; }

    /// <summary>The longest delay the policy gives.</summary>
    public TimeSpan Cap => TimeSpan.FromTicks(_capTicks);

    /// <summary>
    /// The delay before retry <paramref name="retry"/> (0 for the first retry), at least
    /// <paramref name="retryAfter"/>; false when the retries are used up or the server asks for a
    /// wait beyond the cap.
    /// </summary>
    public bool TryGetDelay(int retry, TimeSpan? retryAfter, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (retry >= MaxRetries || (retryAfter is { } asked && asked.Ticks > _capTicks))
        {
            return false;
        }
        long ceiling = retry >= 62 || _baseTicks > (_capTicks >> retry) ? _capTicks : _baseTicks << retry;
        long jitter;
        lock (_gate)
        {
            jitter = _random.NextInt64(ceiling + 1);
        }
        delay = TimeSpan.FromTicks(Math.Max(jitter, retryAfter?.Ticks ?? 0));
        return true;
    }

    /// <summary>The wait a Retry-After header asks for, relative to <paramref name="nowUtc"/>; never negative.</summary>
    public static TimeSpan? RetryAfterOf(System.Net.Http.Headers.RetryConditionHeaderValue? header, DateTimeOffset nowUtc)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - nowUtc;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
