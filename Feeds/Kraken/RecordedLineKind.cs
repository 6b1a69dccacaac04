namespace Feeds.Kraken;

/// <summary>What one line of a recorded WebSocket session is.</summary>
public enum RecordedLineKind : byte
{
    /// <summary><c>&lt;epoch&gt;: &lt;json&gt;</c>: a message the client received.</summary>
    Received,

    /// <summary>A prefix with <c>&lt;-</c>: a message the client sent (skipped by a replay).</summary>
    Sent,

    /// <summary>A prefix with <c>&lt;-&gt;</c>: a connection was opened.</summary>
    ConnectionOpened,

    /// <summary>Empty or whitespace only.</summary>
    Blank,

    /// <summary>None of the above (no <c>": "</c>, or a prefix that is not an epoch).</summary>
    Malformed,
}
