namespace Feeds.Transport;

/// <summary>
/// The protocol spoken over a <see cref="WebSocketTransport"/>: its handshake, its subscriptions
/// and its decoder. The transport owns the socket and the reconnects; the protocol owns what is said.
/// </summary>
/// <remarks>
/// The transport calls these one at a time (never concurrently), on a thread-pool thread: the
/// feed's I/O thread. <see cref="OnConnected"/> starts every connection, the first and each
/// reconnect, so a protocol that subscribes from its handshake resubscribes after every reconnect.
/// Implementations should not throw; if one does, the transport counts it, logs it and replaces the
/// connection.
/// </remarks>
public interface IWebSocketProtocol
{
    /// <summary>A new connection is open: reset the session state and start the handshake.</summary>
    void OnConnected(IWebSocketConnection connection);

    /// <summary>One complete WebSocket message, as UTF-8 bytes; <paramref name="tsRecvTicks"/> is when it was read (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    void OnMessage(IWebSocketConnection connection, ReadOnlySpan<byte> message, long tsRecvTicks);

    /// <summary>The connection that <see cref="OnConnected"/> announced has ended; no more messages come from it.</summary>
    void OnDisconnected(DisconnectReason reason);
}
