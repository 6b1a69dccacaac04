namespace Feeds.Transport;

/// <summary>What a protocol may do with its current connection.</summary>
/// <remarks>Call only from the <see cref="IWebSocketProtocol"/> callbacks, which run one at a time.</remarks>
public interface IWebSocketConnection
{
    /// <summary>Queues a text message (UTF-8 bytes); false if the connection can no longer send. The bytes are not logged.</summary>
    bool SendText(byte[] utf8);

    /// <summary>The session is up (handshake and subscriptions done): the reconnect backoff starts again from its first delay.</summary>
    void MarkEstablished();

    /// <summary>Closes this connection; the transport reconnects after the backoff delay.</summary>
    void CloseAndReconnect();

    /// <summary>Closes this connection and stops the transport for good (reconnecting cannot help).</summary>
    void CloseAndStop();
}
