namespace Engine.Risk;

/// <summary>
/// Says when <c>threshold</c> events have happened within a sliding window: an exact sliding
/// window, not buckets. It keeps the times of the last <c>threshold</c> events in a ring.
/// </summary>
/// <remarks>
/// <see cref="Record"/> returns true when the event just recorded is the <c>threshold</c>-th within
/// the half-open window (now - window, now]: the oldest of the last <c>threshold</c> events is less
/// than <c>windowNs</c> old. Memory: <c>threshold</c> longs, allocated once; O(1) per event.
/// Times must not go backwards (the loop's clock is read once per cycle and is monotonic).
/// </remarks>
internal sealed class SlidingWindowCounter
{
    private readonly long[] _times;
    private readonly long _windowNs;
    private long _recorded;

    public SlidingWindowCounter(int threshold, long windowNs)
    {
        _times = new long[threshold];
        _windowNs = windowNs;
    }

    /// <summary>Records an event at <paramref name="nowNs"/>; true when it completes <c>threshold</c> events in the window.</summary>
    public bool Record(long nowNs)
    {
        int slot = (int)(_recorded % _times.Length);
        _times[slot] = nowNs;
        _recorded++;
        if (_recorded < _times.Length)
        {
            return false;
        }
        // The slot after the one just written holds the oldest of the last `threshold` events.
        long oldest = _times[(slot + 1) % _times.Length];
        return nowNs - oldest < _windowNs;
    }

    /// <summary>Forgets every event (after a trip or a resume, so old events do not count twice).</summary>
    public void Clear() => _recorded = 0;
}
