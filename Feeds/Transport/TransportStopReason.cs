namespace Feeds.Transport;

/// <summary>Why a <see cref="WebSocketTransport"/> stopped reconnecting.</summary>
public enum TransportStopReason
{
    /// <summary>It has not stopped.</summary>
    None,

    /// <summary><see cref="WebSocketTransport.StopAsync"/> was called.</summary>
    StoppedByOwner,

    /// <summary>The protocol asked to stop (for example an authentication failure: retrying would not help).</summary>
    ProtocolStop,

    /// <summary><see cref="WebSocketTransportOptions.MaxConsecutiveFailures"/> connections failed in a row.</summary>
    TooManyFailures,
}
