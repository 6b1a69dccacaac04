namespace Feeds.Transport;

/// <summary>Where a <see cref="WebSocketTransport"/> is in its life.</summary>
public enum TransportState
{
    /// <summary>Created, not started.</summary>
    Idle,

    /// <summary>Opening a connection.</summary>
    Connecting,

    /// <summary>Connected; the protocol is running its handshake or streaming.</summary>
    Connected,

    /// <summary>Waiting out the backoff delay before the next attempt.</summary>
    WaitingToReconnect,

    /// <summary>Ended for good; <see cref="WebSocketTransport.StopReason"/> says why.</summary>
    Stopped,
}
