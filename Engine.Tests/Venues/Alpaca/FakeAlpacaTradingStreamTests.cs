using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>The fake's trade_updates stream, driven by a plain <see cref="ClientWebSocket"/>: the contract a stream client can rely on.</summary>
public sealed class FakeAlpacaTradingStreamTests
{
    private static readonly TimeSpan s_wait = Support.TestTimeouts.Join;

    private AlpacaClientHarness _harness = null!;

    [SetUp]
    public async Task StartAsync() => _harness = await AlpacaClientHarness.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    [Test]
    public async Task Stream_AuthenticatedAndListening_GetsEveryStateChangeInOrderAsBinaryFrames()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, $$$"""{"action":"authenticate","data":{"key_id":"{{{FakeAlpacaTradingServer.KeyId}}}","secret_key":"{{{FakeAlpacaTradingServer.Secret}}}"}}""");
        Assert.That((await ReceiveAsync(socket)).Text, Is.EqualTo("""{"stream":"authorization","data":{"status":"authorized","action":"authenticate"}}"""));
        await SendAsync(socket, """{"action":"listen","data":{"streams":["trade_updates"]}}""");
        Assert.That((await ReceiveAsync(socket)).Text, Is.EqualTo("""{"stream":"listening","data":{"streams":["trade_updates"]}}"""));

        await _harness.Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-1"), CancellationToken.None);
        _harness.Server.Fill("eng-1", 4, "126.50");
        _harness.Server.Fill("eng-1", 6, "126.55");

        var events = new List<(string Event, string Status, string? Qty, string? PositionQty)>();
        for (int i = 0; i < 3; i++)
        {
            var (text, type) = await ReceiveAsync(socket);
            Assert.That(type, Is.EqualTo(WebSocketMessageType.Binary), "the paper environment sends binary frames");
            using var json = JsonDocument.Parse(text);
            var data = json.RootElement.GetProperty("data");
            Assert.That(json.RootElement.GetProperty("stream").GetString(), Is.EqualTo("trade_updates"));
            Assert.That(data.GetProperty("order").GetProperty("client_order_id").GetString(), Is.EqualTo("eng-1"));
            events.Add((data.GetProperty("event").GetString()!, data.GetProperty("order").GetProperty("status").GetString()!,
                data.TryGetProperty("qty", out var qty) ? qty.GetString() : null,
                data.TryGetProperty("position_qty", out var position) ? position.GetString() : null));
        }
        Assert.That(events, Is.EqualTo(new[]
        {
            ("new", "new", (string?)null, (string?)null),
            ("partial_fill", "partially_filled", "4", "4"),
            ("fill", "filled", "6", "10"),
        }));
        Assert.That(_harness.Server.Published.Select(u => u.Event), Is.EqualTo(new[] { "new", "partial_fill", "fill" }));
    }

    [Test]
    public async Task Stream_WrongSecret_IsUnauthorizedAndGetsNoUpdates()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, """{"action":"authenticate","data":{"key_id":"PKFAKETRADING0001","secret_key":"wrong"}}""");
        Assert.That((await ReceiveAsync(socket)).Text, Does.Contain("\"status\":\"unauthorized\"").And.Contain("\"action\":\"authenticate\""));
        await SendAsync(socket, """{"action":"listen","data":{"streams":["trade_updates"]}}""");

        Assert.That((await ReceiveAsync(socket)).Text, Is.EqualTo("""{"stream":"authorization","data":{"status":"unauthorized","action":"listen"}}"""));
        Assert.That(_harness.Server.ListeningStreams, Is.Zero);
    }

    [Test]
    public async Task DropStreams_Listening_EndsTheConnectionWithoutClose()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, $$$"""{"action":"authenticate","data":{"key_id":"{{{FakeAlpacaTradingServer.KeyId}}}","secret_key":"{{{FakeAlpacaTradingServer.Secret}}}"}}""");
        await ReceiveAsync(socket);
        await SendAsync(socket, """{"action":"listen","data":{"streams":["trade_updates"]}}""");
        await ReceiveAsync(socket);

        _harness.Server.DropStreams();

        Assert.That(async () => await ReceiveAsync(socket), Throws.InstanceOf<WebSocketException>());
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(s_wait);
        await socket.ConnectAsync(new Uri(_harness.Server.BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/stream"), timeout.Token);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<(string Text, WebSocketMessageType Type)> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(s_wait);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return ("", result.MessageType);
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (Encoding.UTF8.GetString(message.ToArray()), result.MessageType);
            }
        }
    }
}
