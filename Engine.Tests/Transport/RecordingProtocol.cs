using System.Collections.Concurrent;
using System.Text;
using Feeds.Transport;

namespace Engine.Tests.Transport;

/// <summary>
/// A protocol for transport tests: on every connection it sends "subscribe"; it records messages
/// and disconnections; a message "established" marks the session up, "stop" asks the transport
/// to stop, "reconnect" asks for a new connection, "throw" throws.
/// </summary>
internal sealed class RecordingProtocol : IWebSocketProtocol
{
    private int _connects;

    public int Connects => Volatile.Read(ref _connects);

    public ConcurrentQueue<string> Messages { get; } = new();

    public ConcurrentQueue<DisconnectReason> Disconnects { get; } = new();

    public void OnConnected(IWebSocketConnection connection)
    {
        Interlocked.Increment(ref _connects);
        connection.SendText("subscribe"u8.ToArray());
    }

    public void OnMessage(IWebSocketConnection connection, ReadOnlySpan<byte> message, long tsRecvTicks)
    {
        string text = Encoding.UTF8.GetString(message);
        Messages.Enqueue(text);
        switch (text)
        {
            case "established":
                connection.MarkEstablished();
                break;
            case "stop":
                connection.CloseAndStop();
                break;
            case "reconnect":
                connection.CloseAndReconnect();
                break;
            case "throw":
                throw new InvalidOperationException("protocol bug");
            default:
                break;
        }
    }

    public void OnDisconnected(DisconnectReason reason) => Disconnects.Enqueue(reason);
}
