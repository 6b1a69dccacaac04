using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Engine.Tests.Transport;
using Microsoft.AspNetCore.Http;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>
/// The fake's trade_updates stream on <c>/stream</c>, as trading-api-streaming.md describes it:
/// <c>{"action":"authenticate","data":{"key_id":..,"secret_key":..}}</c> answered on the
/// <c>authorization</c> stream, <c>{"action":"listen","data":{"streams":[..]}}</c> answered on the
/// <c>listening</c> stream, then one <c>trade_updates</c> message per order state change. Binary
/// frames by default, as the paper environment sends them.
/// </summary>
internal sealed partial class FakeAlpacaTradingServer
{
    private readonly ConcurrentDictionary<int, FakeAlpacaStreamConnection> _streams = new();
    private readonly ConcurrentQueue<string> _streamRequests = new();
    private readonly List<FakeAlpacaTradeUpdate> _published = [];
    private readonly Dictionary<string, long> _positionsFromFills = new(StringComparer.Ordinal);
    private int _streamConnections;
    private int _refuseStreams;

    /// <summary>Whether stream messages go out as binary frames (the paper environment's) or text frames.</summary>
    public bool StreamBinaryFrames { get; set; } = true;

    /// <summary>While true, stream connections are refused with 503 (the stream stays down; REST still answers).</summary>
    public bool RefuseStreams
    {
        get => Volatile.Read(ref _refuseStreams) != 0;
        set => Volatile.Write(ref _refuseStreams, value ? 1 : 0);
    }

    /// <summary>Stream connections accepted so far.</summary>
    public int StreamConnections => Volatile.Read(ref _streamConnections);

    /// <summary>Stream connections listening to trade_updates now.</summary>
    public int ListeningStreams
    {
        get
        {
            lock (_gate)
            {
                int count = 0;
                foreach (var connection in _streams.Values)
                {
                    count += connection.Listening ? 1 : 0;
                }
                return count;
            }
        }
    }

    /// <summary>Every message clients sent on the stream (authenticate, listen), as sent.</summary>
    public IReadOnlyList<string> StreamRequests => [.. _streamRequests];

    /// <summary>Every trade_updates message published, in order.</summary>
    public IReadOnlyList<FakeAlpacaTradeUpdate> Published
    {
        get
        {
            lock (_gate)
            {
                return [.. _published];
            }
        }
    }

    /// <summary>Drops every stream connection at once (no close handshake), as a network failure would.</summary>
    public void DropStreams()
    {
        foreach (var connection in _streams.Values)
        {
            connection.Socket.Abort();
        }
    }

    /// <summary>Sends <paramref name="message"/> as it is to every listening stream (malformed input, unknown events).</summary>
    public void SendToStreams(string message)
    {
        lock (_gate)
        {
            foreach (var connection in _streams.Values)
            {
                if (connection.Listening)
                {
                    connection.Outbox.Writer.TryWrite(message);
                }
            }
        }
    }

    /// <summary>Builds the trade_updates message of a state change and queues it to every listening stream. Under <see cref="_gate"/>, so streams see changes in the order they happened.</summary>
    private FakeAlpacaTradeUpdate Publish(string eventName, FakeAlpacaOrder order, long fillQty = 0, string? fillPrice = null)
    {
        string timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        if (fillQty != 0)
        {
            _positionsFromFills[order.Symbol] = _positionsFromFills.GetValueOrDefault(order.Symbol) + (order.Side == "buy" ? fillQty : -fillQty);
        }
        string message = Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("stream", "trade_updates");
            writer.WriteStartObject("data");
            writer.WriteString("event", eventName);
            if (fillQty != 0)
            {
                writer.WriteString("execution_id", Guid.NewGuid().ToString());
                writer.WriteString("price", fillPrice);
                writer.WriteString("qty", fillQty.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("position_qty", _positionsFromFills[order.Symbol].ToString(CultureInfo.InvariantCulture));
            }
            if (eventName != "new")
            {
                writer.WriteString("timestamp", timestamp);
            }
            writer.WritePropertyName("order");
            order.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        var update = new FakeAlpacaTradeUpdate(eventName, order.ClientOrderId, message);
        _published.Add(update);
        foreach (var connection in _streams.Values)
        {
            if (connection.Listening)
            {
                connection.Outbox.Writer.TryWrite(message);
            }
        }
        return update;
    }

    private async Task StreamAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || RefuseStreams)
        {
            context.Response.StatusCode = RefuseStreams ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        int id = Interlocked.Increment(ref _streamConnections);
        var connection = new FakeAlpacaStreamConnection(socket);
        _streams[id] = connection;
        var sending = SendLoopAsync(connection, context.RequestAborted);
        try
        {
            await ReceiveLoopAsync(connection, context.RequestAborted);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Dropped by the client or by DropStreams: what the stream tests do on purpose.
        }
        finally
        {
            _streams.TryRemove(id, out _);
            connection.Outbox.Writer.TryComplete();
        }
        try
        {
            await sending;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The socket went away with messages still queued.
        }
    }

    private async Task ReceiveLoopAsync(FakeAlpacaStreamConnection connection, CancellationToken cancellation)
    {
        bool authorized = false;
        while (await LoopbackWebSocketServer.ReceiveAsync(connection.Socket, cancellation) is { } message)
        {
            _streamRequests.Enqueue(message);
            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(message);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                continue;
            }
            string? action = root.TryGetProperty("action", out var a) ? a.GetString() : null;
            if (action == "authenticate")
            {
                authorized = root.TryGetProperty("data", out var data)
                    && data.TryGetProperty("key_id", out var key) && key.GetString() == KeyId
                    && data.TryGetProperty("secret_key", out var secret) && secret.GetString() == Secret;
                connection.Outbox.Writer.TryWrite(Authorization(authorized, "authenticate"));
            }
            else if (action == "listen" && !authorized)
            {
                connection.Outbox.Writer.TryWrite(Authorization(false, "listen"));
            }
            else if (action == "listen")
            {
                bool tradeUpdates = root.TryGetProperty("data", out var data) && data.TryGetProperty("streams", out var streams)
                    && streams.ValueKind == JsonValueKind.Array && streams.EnumerateArray().Any(s => s.GetString() == "trade_updates");
                lock (_gate)
                {
                    // Under the lock: the acknowledgement goes out before any update published after it.
                    connection.Listening = tradeUpdates;
                    connection.Outbox.Writer.TryWrite(tradeUpdates
                        ? """{"stream":"listening","data":{"streams":["trade_updates"]}}"""
                        : """{"stream":"listening","data":{"streams":[]}}""");
                }
            }
        }
        if (connection.Socket.State == WebSocketState.CloseReceived)
        {
            connection.Outbox.Writer.TryComplete();
        }
    }

    private async Task SendLoopAsync(FakeAlpacaStreamConnection connection, CancellationToken cancellation)
    {
        var type = StreamBinaryFrames ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
        await foreach (string message in connection.Outbox.Reader.ReadAllAsync(cancellation))
        {
            await connection.Socket.SendAsync(Encoding.UTF8.GetBytes(message), type, endOfMessage: true, cancellation);
        }
        if (connection.Socket.State == WebSocketState.CloseReceived)
        {
            await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
    }

    private static string Authorization(bool authorized, string action) =>
        $$$"""{"stream":"authorization","data":{"status":"{{{(authorized ? "authorized" : "unauthorized")}}}","action":"{{{action}}}"}}""";
}
