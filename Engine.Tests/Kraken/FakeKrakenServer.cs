using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Engine.Tests.Transport;

namespace Engine.Tests.Kraken;

/// <summary>
/// A loopback server speaking Kraken's WebSocket v1 as far as the book feed needs: systemStatus on
/// connect, and every subscribe or unsubscribe answered with one subscriptionStatus per pair. Book
/// data is whatever the test queues for a connection, sent in order after those answers.
/// </summary>
internal sealed class FakeKrakenServer : IAsyncDisposable
{
    private readonly LoopbackWebSocketServer _server;
    private readonly ConcurrentDictionary<int, Channel<string?>> _outboxes = new();
    private int _channelId = 100;

    private FakeKrakenServer(LoopbackWebSocketServer server) => _server = server;

    /// <summary>A request the client sent.</summary>
    public sealed record Request(int Connection, string Event, string[] Pairs, string SubscriptionName, int Depth);

    /// <summary>Every request received, in order, recorded after its answers were queued.</summary>
    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Connections accepted.</summary>
    public int Connections => _server.Connections;

    /// <summary>The endpoint, <c>ws://127.0.0.1:port</c>.</summary>
    public string Url => _server.BaseUrl;

    public static async Task<FakeKrakenServer> StartAsync()
    {
        FakeKrakenServer? fake = null;
        var server = await LoopbackWebSocketServer.StartAsync((socket, index, cancellation) => fake!.HandleAsync(socket, index, cancellation));
        fake = new FakeKrakenServer(server);
        return fake;
    }

    /// <summary>Requests with event <paramref name="eventName"/> so far.</summary>
    public List<Request> RequestsOf(string eventName) => Requests.Where(r => r.Event == eventName).ToList();

    /// <summary>Queues a frame for connection <paramref name="index"/> (0-based).</summary>
    public void Send(int index, string frame) => Outbox(index).Writer.TryWrite(frame);

    /// <summary>Closes connection <paramref name="index"/> from the server side, after the frames queued before.</summary>
    public void Close(int index) => Outbox(index).Writer.TryWrite(null);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Channel<string?> Outbox(int index) => _outboxes.GetOrAdd(index, _ => Channel.CreateUnbounded<string?>());

    private async Task HandleAsync(WebSocket socket, int index, CancellationToken cancellation)
    {
        Send(index, """{"connectionID":1,"event":"systemStatus","status":"online","version":"1.8.3"}""");
        // One task receives, one sends: a WebSocket allows one of each at a time, and every frame,
        // answers included, goes through the outbox so the order is the order of queueing.
        var receiving = ReceiveAsync(socket, index, cancellation);
        var reader = Outbox(index).Reader;
        while (true)
        {
            var next = reader.WaitToReadAsync(cancellation).AsTask();
            if (await Task.WhenAny(next, receiving) == receiving || !await next)
            {
                return;
            }
            while (reader.TryRead(out string? frame))
            {
                if (frame is null)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by the test", CancellationToken.None);
                    await receiving;
                    return;
                }
                await LoopbackWebSocketServer.SendAsync(socket, frame);
            }
        }
    }

    private async Task ReceiveAsync(WebSocket socket, int index, CancellationToken cancellation)
    {
        while (await LoopbackWebSocketServer.ReceiveAsync(socket, cancellation) is { } text)
        {
            var request = Parse(index, text);
            foreach (string pair in request.Pairs)
            {
                string status = request.Event == "subscribe" ? "subscribed" : "unsubscribed";
                int channelId = Interlocked.Increment(ref _channelId);
                Send(index, $$$"""{"channelID":{{{channelId}}},"channelName":"book-{{{request.Depth}}}","event":"subscriptionStatus","pair":"{{{pair}}}","status":"{{{status}}}","subscription":{"depth":{{{request.Depth}}},"name":"book"}}""");
            }
            Requests.Enqueue(request);
        }
        if (socket.State == WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
    }

    private static Request Parse(int index, string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var subscription = root.GetProperty("subscription");
        return new Request(
            index,
            root.GetProperty("event").GetString()!,
            root.GetProperty("pair").EnumerateArray().Select(p => p.GetString()!).ToArray(),
            subscription.GetProperty("name").GetString()!,
            subscription.GetProperty("depth").GetInt32());
    }
}
