using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Engine.Tests.Transport;

/// <summary>
/// Per-connection queues of frames a fake server sends once its handshake is done: a test queues
/// text or binary frames, or a close, for connection n; the server's handler pumps them out in order.
/// </summary>
internal sealed class LoopbackOutboxes
{
    private readonly ConcurrentDictionary<int, Channel<Frame?>> _outboxes = new();

    /// <summary>Queues <paramref name="frame"/> for connection <paramref name="index"/> (0-based), as a binary frame when <paramref name="binary"/>.</summary>
    public void Send(int index, string frame, bool binary = false) => Outbox(index).Writer.TryWrite(new Frame(frame, binary));

    /// <summary>Queues a server-side close of connection <paramref name="index"/>, after the frames queued before.</summary>
    public void Close(int index) => Outbox(index).Writer.TryWrite(null);

    /// <summary>
    /// Sends the frames queued for <paramref name="index"/> until the test closes the connection or
    /// <paramref name="clientGone"/> (the handler's receive loop) ends.
    /// </summary>
    public async Task PumpAsync(WebSocket socket, int index, Task clientGone, CancellationToken cancellation)
    {
        var reader = Outbox(index).Reader;
        while (true)
        {
            var next = reader.WaitToReadAsync(cancellation).AsTask();
            if (await Task.WhenAny(next, clientGone) == clientGone || !await next)
            {
                return;
            }
            while (reader.TryRead(out var frame))
            {
                if (frame is null)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by the test", CancellationToken.None);
                    await clientGone;
                    return;
                }
                var type = frame.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame.Text), type, endOfMessage: true, CancellationToken.None);
            }
        }
    }

    private Channel<Frame?> Outbox(int index) => _outboxes.GetOrAdd(index, _ => Channel.CreateUnbounded<Frame?>());

    private sealed record Frame(string Text, bool Binary);
}
