using System.Diagnostics;

namespace Feeds;

/// <summary>
/// The health of one feed as its own side sees it: connected, stale, and counters of connections,
/// messages, gaps, checksum failures and decode errors, with the time of the last message. The
/// engine's metrics and readiness read it; nothing on the loop touches it.
/// </summary>
/// <remarks>
/// <para>One writer: the feed's thread (or its I/O callbacks, which run one at a time). Each write
/// is a plain increment published with <see cref="Volatile.Write(ref long, long)"/>, so any other
/// thread reads whole, recent values with the properties; no locks, no allocation.</para>
/// <para>"Connected" means the feed delivers usable data: for a WebSocket book feed, subscribed and
/// its first snapshot of the connection arrived; for the synthetic market, running.</para>
/// </remarks>
public sealed class FeedHealth
{
    private readonly long _createdTicks = Stopwatch.GetTimestamp();
    private int _connected;
    private int _stale;
    private int _finished;
    private long _connections;
    private long _messages;
    private long _gaps;
    private long _checksumFailures;
    private long _decodeErrors;
    private long _lastMessageTicks;

    /// <summary>Creates the health of feed <paramref name="name"/>, not yet connected.</summary>
    public FeedHealth(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The feed's name, the <c>feed</c> label of its metrics (<c>kraken</c>, <c>synthetic-0</c>).</summary>
    public string Name { get; }

    /// <summary>Whether the feed delivers usable data now. Any thread.</summary>
    public bool IsConnected => Volatile.Read(ref _connected) != 0;

    /// <summary>Whether the last connection ended because no message came within the stale timeout (until the next connection). Any thread.</summary>
    public bool IsStale => Volatile.Read(ref _stale) != 0;

    /// <summary>Whether the feed has delivered all it ever will (a recorded file played to its end). Any thread.</summary>
    public bool IsFinished => Volatile.Read(ref _finished) != 0;

    /// <summary>Times the feed became connected after its first time. Any thread.</summary>
    public long Reconnects => Math.Max(0, Volatile.Read(ref _connections) - 1);

    /// <summary>Messages received (WebSocket messages; synthetic: events). Any thread.</summary>
    public long Messages => Volatile.Read(ref _messages);

    /// <summary>Times a book lost continuity with the venue and was resynchronised. Any thread.</summary>
    public long Gaps => Volatile.Read(ref _gaps);

    /// <summary>Updates whose checksum did not match the book. Any thread.</summary>
    public long ChecksumFailures => Volatile.Read(ref _checksumFailures);

    /// <summary>Messages that could not be decoded (malformed, unknown, wrong scale). Any thread.</summary>
    public long DecodeErrors => Volatile.Read(ref _decodeErrors);

    /// <summary>Seconds since the last message, or since the feed was created if none came yet. Any thread.</summary>
    public double LastMessageAgeSeconds(long nowTicks)
    {
        long last = Volatile.Read(ref _lastMessageTicks);
        return Stopwatch.GetElapsedTime(last != 0 ? last : _createdTicks, nowTicks).TotalSeconds;
    }

    /// <summary>The feed delivers usable data again (a new connection is streaming). Feed side.</summary>
    public void OnConnected()
    {
        Volatile.Write(ref _connections, _connections + 1);
        Volatile.Write(ref _stale, 0);
        Volatile.Write(ref _connected, 1);
    }

    /// <summary>The feed stopped delivering; <paramref name="stale"/> when it went quiet for longer than its stale timeout. Feed side.</summary>
    public void OnDisconnected(bool stale)
    {
        Volatile.Write(ref _connected, 0);
        Volatile.Write(ref _stale, stale ? 1 : 0);
    }

    /// <summary>The feed ended by design: it has delivered all it had, and nothing more will come. Feed side.</summary>
    public void OnFinished()
    {
        Volatile.Write(ref _connected, 0);
        Volatile.Write(ref _finished, 1);
    }

    /// <summary>Counts <paramref name="count"/> messages, the last received at <paramref name="tsRecvTicks"/> (<see cref="Stopwatch"/> ticks). Feed side.</summary>
    public void OnMessages(long count, long tsRecvTicks)
    {
        Volatile.Write(ref _messages, _messages + count);
        Volatile.Write(ref _lastMessageTicks, tsRecvTicks);
    }

    /// <summary>Counts a book resynchronised after it lost continuity. Feed side.</summary>
    public void OnGap() => Volatile.Write(ref _gaps, _gaps + 1);

    /// <summary>Counts an update whose checksum did not match. Feed side.</summary>
    public void OnChecksumFailure() => Volatile.Write(ref _checksumFailures, _checksumFailures + 1);

    /// <summary>Counts <paramref name="count"/> messages (or objects of one message) that could not be decoded. Feed side.</summary>
    public void OnDecodeErrors(int count) => Volatile.Write(ref _decodeErrors, _decodeErrors + count);
}
