namespace Engine.Risk;

/// <summary>
/// A token bucket driven by the caller's clock, the algorithm of System.Threading.RateLimiting's
/// <c>TokenBucketRateLimiter</c> without its allocations: it holds at most <c>capacity</c> tokens and
/// adds one every <c>periodNs</c>, counted in whole periods since the last refill.
/// </summary>
/// <remarks>Loop thread only. A mutable struct held in a field of its owner (never copied). O(1), no allocation.</remarks>
internal struct TokenBucket
{
    private readonly long _capacity;
    private readonly long _periodNs;
    private long _tokens;
    private long _lastRefillNs;

    /// <summary>A full bucket of <paramref name="capacity"/> tokens refilled at <paramref name="perSecond"/> a second from <paramref name="nowNs"/>.</summary>
    public TokenBucket(long capacity, long perSecond, long nowNs)
    {
        _capacity = capacity;
        _periodNs = Math.Max(1, 1_000_000_000 / perSecond);
        _tokens = capacity;
        _lastRefillNs = nowNs;
    }

    /// <summary>Tokens available after refilling to <paramref name="nowNs"/>.</summary>
    public long Available(long nowNs)
    {
        Refill(nowNs);
        return _tokens;
    }

    /// <summary>Takes one token, refilling to <paramref name="nowNs"/> first; false when the bucket is empty.</summary>
    public bool TryTake(long nowNs)
    {
        Refill(nowNs);
        if (_tokens == 0)
        {
            return false;
        }
        _tokens--;
        return true;
    }

    /// <summary>The same bucket at a new capacity and rate from <paramref name="nowNs"/>: tokens already earned are kept, up to the new capacity.</summary>
    public readonly TokenBucket WithRate(long capacity, long perSecond, long nowNs)
    {
        var copy = this;
        copy.Refill(nowNs);
        return new TokenBucket(capacity, perSecond, copy._lastRefillNs) { _tokens = Math.Min(capacity, copy._tokens) };
    }

    private void Refill(long nowNs)
    {
        long elapsed = nowNs - _lastRefillNs;
        if (elapsed < _periodNs)
        {
            // Also covers a clock that went backwards: no refill, and the last refill stays put.
            return;
        }
        long periods = elapsed / _periodNs;
        _lastRefillNs += periods * _periodNs;
        _tokens = periods >= _capacity ? _capacity : Math.Min(_capacity, _tokens + periods);
    }
}
