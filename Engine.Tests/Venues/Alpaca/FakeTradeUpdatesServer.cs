using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Engine.Tests.Transport;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>
/// A loopback server speaking Alpaca's trade_updates stream as trading-api-streaming.md describes
/// it: authenticate answered by authorization (unauthorized for wrong credentials, or for the first
/// <see cref="RefuseFirstAuthentications"/> connections), listen answered by listening; then it
/// sends whatever the test queues for the current connection, or closes it. Binary frames
/// throughout when <see cref="BinaryFrames"/>, as the paper endpoint does.
/// </summary>
internal sealed class FakeTradeUpdatesServer : IAsyncDisposable
{
    public const string KeyId = "PKTRADEKEYID0042";
    public const string Secret = "trade-secret-Hq4vN8cT1";

    private readonly LoopbackWebSocketServer _server;
    private readonly LoopbackOutboxes _outboxes = new();
    private int _streaming;
    private int _authentications;

    private FakeTradeUpdatesServer(LoopbackWebSocketServer server) => _server = server;

    /// <summary>Whether every frame the server sends is binary.</summary>
    public bool BinaryFrames { get; init; }

    /// <summary>Connections whose (valid) authentication is refused before one is accepted.</summary>
    public int RefuseFirstAuthentications { get; init; }

    /// <summary>The listening answer to send (the default confirms trade_updates).</summary>
    public string ListeningAnswer { get; init; } = TradeUpdateFrames.Listening;

    /// <summary>Whether the first connection goes dead once it streams: the server stops reading, so it answers no ping.</summary>
    public bool FreezeFirstConnection { get; init; }

    /// <summary>Every request received, as sent.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Connections accepted.</summary>
    public int Connections => _server.Connections;

    /// <summary>Connections that confirmed listening.</summary>
    public int Streaming => Volatile.Read(ref _streaming);

    /// <summary>The stream URL, <c>ws://127.0.0.1:port/stream</c>.</summary>
    public string Url => _server.BaseUrl + "/stream";

    public static async Task<FakeTradeUpdatesServer> StartAsync(bool binaryFrames = false, int refuseFirstAuthentications = 0, string? listeningAnswer = null,
        bool freezeFirstConnection = false)
    {
        FakeTradeUpdatesServer? fake = null;
        var server = await LoopbackWebSocketServer.StartAsync((socket, index, cancellation) => fake!.HandleAsync(socket, index, cancellation));
        fake = new FakeTradeUpdatesServer(server)
        {
            BinaryFrames = binaryFrames,
            RefuseFirstAuthentications = refuseFirstAuthentications,
            ListeningAnswer = listeningAnswer ?? TradeUpdateFrames.Listening,
            FreezeFirstConnection = freezeFirstConnection,
        };
        return fake;
    }

    /// <summary>Queues a frame for connection <paramref name="index"/> (0-based), sent once it streams.</summary>
    public void Send(int index, string frame) => _outboxes.Send(index, frame, BinaryFrames);

    /// <summary>Closes connection <paramref name="index"/> from the server side, after the frames queued before.</summary>
    public void Close(int index) => _outboxes.Close(index);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(WebSocket socket, int index, CancellationToken cancellation)
    {
        string? auth = await LoopbackWebSocketServer.ReceiveAsync(socket, cancellation);
        if (auth is null)
        {
            return;
        }
        Requests.Enqueue(auth);
        bool valid;
        using (var request = JsonDocument.Parse(auth))
        {
            var root = request.RootElement;
            var data = root.GetProperty("data");
            valid = root.GetProperty("action").GetString() == "authenticate"
                && data.GetProperty("key_id").GetString() == KeyId && data.GetProperty("secret_key").GetString() == Secret
                && Interlocked.Increment(ref _authentications) > RefuseFirstAuthentications;
        }
        if (!valid)
        {
            await SendAsync(socket, TradeUpdateFrames.Unauthorized);
            await LoopbackWebSocketServer.DrainUntilClosedAsync(socket, index, cancellation);
            return;
        }
        await SendAsync(socket, TradeUpdateFrames.Authorized);
        string? listen = await LoopbackWebSocketServer.ReceiveAsync(socket, cancellation);
        if (listen is null)
        {
            return;
        }
        Requests.Enqueue(listen);
        await SendAsync(socket, ListeningAnswer);
        if (ListeningAnswer == TradeUpdateFrames.Listening)
        {
            Interlocked.Increment(ref _streaming);
        }
        if (FreezeFirstConnection && index == 0)
        {
            // A half-open connection: nothing is read (control frames, pings included, are answered only while reading).
            await Task.Delay(Timeout.Infinite, cancellation);
            return;
        }
        await _outboxes.PumpAsync(socket, index, LoopbackWebSocketServer.DrainUntilClosedAsync(socket, index, cancellation), cancellation);
    }

    private Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), BinaryFrames ? WebSocketMessageType.Binary : WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
}
