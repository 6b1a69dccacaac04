using Websocket.Client;

namespace Feeds.Transport;

/// <summary>
/// One connection attempt of a <see cref="WebSocketTransport"/>: its Websocket.Client instance,
/// whether the protocol has seen it open, and how it ended.
/// </summary>
/// <remarks>
/// Every attempt gets a fresh client with the library's own reconnection turned off, so the
/// transport alone decides when and how fast to reconnect; messages from a client that is no
/// longer current are dropped. The first end reason wins.
/// </remarks>
internal sealed class WebSocketConnection : IWebSocketConnection
{
    private readonly TaskCompletionSource<DisconnectReason> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebsocketClient? _client;

    /// <summary>The client; set once before it starts.</summary>
    public WebsocketClient Client => _client ?? throw new InvalidOperationException("the connection has no client yet");

    /// <summary>Whether the protocol's <see cref="IWebSocketProtocol.OnConnected"/> ran for it. Under the transport's gate.</summary>
    public bool Opened { get; set; }

    /// <summary>Whether the protocol said the session is up. Under the transport's gate.</summary>
    public bool Established { get; private set; }

    /// <summary>When the last message (or the opening) happened, in <see cref="TimeProvider"/> timestamps. Under the transport's gate.</summary>
    public long LastMessageTimestamp { get; set; }

    /// <summary>Completes with the reason the connection ended.</summary>
    public Task<DisconnectReason> Ended => _ended.Task;

    /// <summary>Whether it has ended.</summary>
    public bool IsEnded => _ended.Task.IsCompleted;

    /// <summary>Sets the client, before it starts.</summary>
    public void Attach(WebsocketClient client) => _client = client;

    /// <summary>Ends the connection with <paramref name="reason"/> unless it already ended.</summary>
    public void End(DisconnectReason reason) => _ended.TrySetResult(reason);

    /// <inheritdoc />
    public bool SendText(byte[] utf8) => !IsEnded && _client is not null && _client.SendAsText(utf8);

    /// <inheritdoc />
    public void MarkEstablished() => Established = true;

    /// <inheritdoc />
    public void CloseAndReconnect() => End(DisconnectReason.ProtocolReconnect);

    /// <inheritdoc />
    public void CloseAndStop() => End(DisconnectReason.ProtocolStop);
}
