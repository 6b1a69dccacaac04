using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Engine.Tests.Transport;

namespace Engine.Tests.Alpaca;

/// <summary>
/// A loopback server speaking the Alpaca market data v2 stream as stock-pricing-data-realtime.md
/// describes it: welcome, auth (402 on wrong credentials), subscribe answered by the subscription
/// list; then it sends whatever the test queues for the current connection, or closes it.
/// </summary>
internal sealed class FakeAlpacaServer : IAsyncDisposable
{
    // Alpaca's market data and trading APIs take the same keys: the fake trading server's.
    public const string KeyId = Venues.Alpaca.FakeAlpacaTradingServer.KeyId;
    public const string Secret = Venues.Alpaca.FakeAlpacaTradingServer.Secret;

    private readonly LoopbackWebSocketServer _server;
    private readonly LoopbackOutboxes _outboxes = new();
    private int _streaming;

    private FakeAlpacaServer(LoopbackWebSocketServer server) => _server = server;

    /// <summary>Every auth request received, as sent.</summary>
    public ConcurrentQueue<string> AuthRequests { get; } = new();

    /// <summary>Every subscribe request received, as sent.</summary>
    public ConcurrentQueue<string> SubscribeRequests { get; } = new();

    /// <summary>Connections accepted.</summary>
    public int Connections => _server.Connections;

    /// <summary>Connections that reached the streaming phase (subscription confirmed).</summary>
    public int Streaming => Volatile.Read(ref _streaming);

    /// <summary>The stream URL, <c>ws://127.0.0.1:port/v2/iex</c>.</summary>
    public string Url => _server.BaseUrl + "/v2/iex";

    public static async Task<FakeAlpacaServer> StartAsync()
    {
        FakeAlpacaServer? fake = null;
        var server = await LoopbackWebSocketServer.StartAsync((socket, index, cancellation) => fake!.HandleAsync(socket, index, cancellation));
        fake = new FakeAlpacaServer(server);
        return fake;
    }

    /// <summary>Queues a frame for connection <paramref name="index"/> (0-based), sent once it streams.</summary>
    public void Send(int index, string frame) => _outboxes.Send(index, frame);

    /// <summary>Closes connection <paramref name="index"/> from the server side, after the frames queued before.</summary>
    public void Close(int index) => _outboxes.Close(index);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(WebSocket socket, int index, CancellationToken cancellation)
    {
        await LoopbackWebSocketServer.SendAsync(socket, """[{"T":"success","msg":"connected"}]""");
        string? auth = await LoopbackWebSocketServer.ReceiveAsync(socket, cancellation);
        if (auth is null)
        {
            return;
        }
        AuthRequests.Enqueue(auth);
        using (var request = JsonDocument.Parse(auth))
        {
            var root = request.RootElement;
            bool valid = root.GetProperty("action").GetString() == "auth"
                && root.GetProperty("key").GetString() == KeyId && root.GetProperty("secret").GetString() == Secret;
            if (!valid)
            {
                await LoopbackWebSocketServer.SendAsync(socket, """[{"T":"error","code":402,"msg":"auth failed"}]""");
                await LoopbackWebSocketServer.DrainUntilClosedAsync(socket, index, cancellation);
                return;
            }
        }
        await LoopbackWebSocketServer.SendAsync(socket, """[{"T":"success","msg":"authenticated"}]""");
        string? subscribe = await LoopbackWebSocketServer.ReceiveAsync(socket, cancellation);
        if (subscribe is null)
        {
            return;
        }
        SubscribeRequests.Enqueue(subscribe);
        await LoopbackWebSocketServer.SendAsync(socket, SubscriptionAnswer(subscribe));
        Interlocked.Increment(ref _streaming);
        await StreamAsync(socket, index, cancellation);
    }

    private Task StreamAsync(WebSocket socket, int index, CancellationToken cancellation) =>
        _outboxes.PumpAsync(socket, index, LoopbackWebSocketServer.DrainUntilClosedAsync(socket, index, cancellation), cancellation);

    /// <summary>The subscription confirmation: the lists of the request, under T=subscription.</summary>
    private static string SubscriptionAnswer(string subscribe)
    {
        using var request = JsonDocument.Parse(subscribe);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("T", "subscription");
            foreach (string list in new[] { "trades", "quotes", "bars", "dailyBars", "statuses" })
            {
                writer.WritePropertyName(list);
                if (request.RootElement.TryGetProperty(list, out var symbols))
                {
                    symbols.WriteTo(writer);
                }
                else
                {
                    writer.WriteStartArray();
                    writer.WriteEndArray();
                }
            }
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
