namespace Feeds.Transport;

/// <summary>Why one connection of a <see cref="WebSocketTransport"/> ended.</summary>
public enum DisconnectReason
{
    /// <summary>The connection could not be opened (refused, timed out, TLS or HTTP failure).</summary>
    ConnectFailed,

    /// <summary>The server closed the WebSocket.</summary>
    ClosedByServer,

    /// <summary>The connection broke (reset, read error).</summary>
    Lost,

    /// <summary>No message arrived within the stale timeout.</summary>
    Stale,

    /// <summary>The protocol asked for a new connection (for example a server-side error that a new session clears).</summary>
    ProtocolReconnect,

    /// <summary>The protocol asked to stop for good (for example rejected credentials).</summary>
    ProtocolStop,

    /// <summary>The protocol threw; the fault was counted and logged, and the connection replaced.</summary>
    ProtocolFault,

    /// <summary>The transport was stopped by its owner.</summary>
    Stopped,
}
