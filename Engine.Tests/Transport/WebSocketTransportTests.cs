using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using Engine.Tests.Support;
using Feeds.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Transport;

public sealed class WebSocketTransportTests
{
    private static WebSocketTransportOptions FastOptions(int staleTimeoutMs = 0, int maxFailures = 0) => new()
    {
        ConnectTimeoutMs = 5_000,
        ReconnectInitialDelayMs = 5,
        ReconnectMaxDelayMs = 20,
        MaxConsecutiveFailures = maxFailures,
        StaleTimeoutMs = staleTimeoutMs,
    };

    private static WebSocketTransport Transport(string url, RecordingProtocol protocol, WebSocketTransportOptions? options = null) =>
        new(url, options ?? FastOptions(), protocol, NullLogger.Instance, random: new Random(7), name: "test");

    /// <summary>Per connection: read the client's subscribe, record it, send <paramref name="frames"/>, then run <paramref name="then"/>.</summary>
    private static Func<WebSocket, int, CancellationToken, Task> Script(List<string> subscribes, Func<int, string[]> frames, Func<WebSocket, int, CancellationToken, Task>? then = null) =>
        async (socket, index, cancellation) =>
        {
            string? subscribe = await LoopbackWebSocketServer.ReceiveAsync(socket, cancellation);
            lock (subscribes)
            {
                subscribes.Add(subscribe ?? "<closed>");
            }
            foreach (string frame in frames(index))
            {
                await LoopbackWebSocketServer.SendAsync(socket, frame);
            }
            await (then ?? LoopbackWebSocketServer.DrainUntilClosedAsync).Invoke(socket, index, cancellation);
        };

    private static int Count(List<string> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    [Test]
    public async Task Start_AgainstLoopbackServer_SubscribesAndDeliversEveryMessage()
    {
        var subscribes = new List<string>();
        await using var server = await LoopbackWebSocketServer.StartAsync(Script(subscribes, _ => ["established", "m1", "m2"]));
        var protocol = new RecordingProtocol();
        await using var transport = Transport(server.BaseUrl + "/feed", protocol);

        transport.Start();
        Eventually.Until(() => protocol.Messages.Count == 3, TestTimeouts.Join, "three messages arrived");

        Assert.That(protocol.Messages, Is.EqualTo(new[] { "established", "m1", "m2" }));
        Assert.That(subscribes, Is.EqualTo(new[] { "subscribe" }));
        Assert.That(transport.State, Is.EqualTo(TransportState.Connected));
        Assert.That(transport.MessagesReceived, Is.EqualTo(3));
        Assert.That(transport.BytesReceived, Is.EqualTo("established".Length + 4));
        Assert.That(transport.SessionsEstablished, Is.EqualTo(1));
        Assert.That(transport.Reconnects, Is.Zero);
    }

    [Test]
    public async Task ServerClosesConnection_Reconnects_AndTheProtocolResubscribes()
    {
        var subscribes = new List<string>();
        await using var server = await LoopbackWebSocketServer.StartAsync(Script(subscribes, _ => ["established"], async (socket, index, cancellation) =>
        {
            if (index == 0)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "maintenance", cancellation);
                return;
            }
            await LoopbackWebSocketServer.DrainUntilClosedAsync(socket, index, cancellation);
        }));
        var protocol = new RecordingProtocol();
        await using var transport = Transport(server.BaseUrl, protocol);

        transport.Start();
        Eventually.Until(() => Count(subscribes) == 2 && protocol.Messages.Count == 2, TestTimeouts.Join, "the second connection subscribed");

        Assert.That(protocol.Connects, Is.EqualTo(2));
        Assert.That(protocol.Disconnects, Is.EqualTo(new[] { DisconnectReason.ClosedByServer }));
        Assert.That(transport.Reconnects, Is.EqualTo(1));
        Assert.That(transport.ConnectAttempts, Is.EqualTo(2));
    }

    [Test]
    public async Task NoMessageWithinStaleTimeout_ReportsStaleAndReplacesTheConnection()
    {
        var subscribes = new List<string>();
        await using var server = await LoopbackWebSocketServer.StartAsync(Script(subscribes, _ => ["established"]));
        var protocol = new RecordingProtocol();
        await using var transport = Transport(server.BaseUrl, protocol, FastOptions(staleTimeoutMs: 100));

        transport.Start();
        Eventually.Until(() => Count(subscribes) >= 2, TestTimeouts.Join, "a second connection subscribed after the first went stale");

        Assert.That(protocol.Disconnects.First(), Is.EqualTo(DisconnectReason.Stale));
        Assert.That(transport.StaleEvents, Is.GreaterThanOrEqualTo(1));
        Assert.That(transport.Reconnects, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task CloseAndStop_FromTheProtocol_StopsWithoutReconnecting()
    {
        var subscribes = new List<string>();
        await using var server = await LoopbackWebSocketServer.StartAsync(Script(subscribes, _ => ["stop"]));
        var protocol = new RecordingProtocol();
        await using var transport = Transport(server.BaseUrl, protocol);

        transport.Start();
        Assert.That(transport.Completion.Wait(TestTimeouts.Join), Is.True, "the transport stopped");

        Assert.That(transport.StopReason, Is.EqualTo(TransportStopReason.ProtocolStop));
        Assert.That(transport.State, Is.EqualTo(TransportState.Stopped));
        Assert.That(protocol.Disconnects, Is.EqualTo(new[] { DisconnectReason.ProtocolStop }));
        Assert.That(server.Connections, Is.EqualTo(1));
        Assert.That(transport.Reconnects, Is.Zero);
    }

    [Test]
    public async Task CloseAndReconnect_FromTheProtocol_OpensANewConnection()
    {
        var subscribes = new List<string>();
        await using var server = await LoopbackWebSocketServer.StartAsync(Script(subscribes, index => index == 0 ? ["reconnect"] : ["established"]));
        var protocol = new RecordingProtocol();
        await using var transport = Transport(server.BaseUrl, protocol);

        transport.Start();
        Eventually.Until(() => protocol.Messages.Count == 2, TestTimeouts.Join, "the second connection's message arrived");

        Assert.That(protocol.Disconnects, Is.EqualTo(new[] { DisconnectReason.ProtocolReconnect }));
        Assert.That(transport.Reconnects, Is.EqualTo(1));
    }

    [Test]
    public async Task ProtocolThrows_CountsTheFaultAndReconnects()
    {
        var subscribes = new List<string>();
        await using var server = await LoopbackWebSocketServer.StartAsync(Script(subscribes, index => index == 0 ? ["throw"] : ["established"]));
        var protocol = new RecordingProtocol();
        await using var transport = Transport(server.BaseUrl, protocol);

        transport.Start();
        Eventually.Until(() => protocol.Messages.Count == 2, TestTimeouts.Join, "the second connection's message arrived");

        Assert.That(transport.ProtocolFaults, Is.EqualTo(1));
        Assert.That(protocol.Disconnects, Is.EqualTo(new[] { DisconnectReason.ProtocolFault }));
    }

    [Test]
    public async Task ConnectRefused_BacksOffAndGivesUpAfterMaxConsecutiveFailures()
    {
        int closedPort = FreePort();
        var protocol = new RecordingProtocol();
        await using var transport = Transport($"ws://127.0.0.1:{closedPort}/", protocol, FastOptions(maxFailures: 3));

        transport.Start();
        Assert.That(transport.Completion.Wait(TestTimeouts.Join), Is.True, "the transport gave up");

        Assert.That(transport.StopReason, Is.EqualTo(TransportStopReason.TooManyFailures));
        Assert.That(transport.ConnectAttempts, Is.EqualTo(3));
        Assert.That(transport.ConnectFailures, Is.EqualTo(3));
        Assert.That(transport.Reconnects, Is.EqualTo(2));
        Assert.That(protocol.Connects, Is.Zero, "a connection that never opened is not announced");
    }

    [Test]
    public async Task StopAsync_WhileConnected_ClosesAndReportsStoppedByOwner()
    {
        var subscribes = new List<string>();
        await using var server = await LoopbackWebSocketServer.StartAsync(Script(subscribes, _ => ["established"]));
        var protocol = new RecordingProtocol();
        var transport = Transport(server.BaseUrl, protocol);
        transport.Start();
        Eventually.Until(() => protocol.Messages.Count == 1, TestTimeouts.Join, "the connection opened");

        Assert.That(transport.StopAsync().Wait(TestTimeouts.Join), Is.True);
        await transport.DisposeAsync();

        Assert.That(transport.StopReason, Is.EqualTo(TransportStopReason.StoppedByOwner));
        Assert.That(protocol.Disconnects, Is.EqualTo(new[] { DisconnectReason.Stopped }));
    }

    [Test]
    public void Start_Twice_Throws()
    {
        var transport = Transport($"ws://127.0.0.1:{FreePort()}/", new RecordingProtocol(), FastOptions(maxFailures: 1));
        transport.Start();

        Assert.That(transport.Start, Throws.InvalidOperationException);
        Assert.That(transport.Completion.Wait(TestTimeouts.Join), Is.True);
    }

    [TestCase("ws://example.com/v2/iex")]
    [TestCase("ws://10.1.2.3:8080/")]
    [TestCase("http://127.0.0.1/")]
    public void Constructor_UrlOutsideThePolicy_ThrowsNamingTheFeed(string url)
    {
        Assert.That(() => Transport(url, new RecordingProtocol()), Throws.ArgumentException.With.Message.Contains("test.url"));
    }

    [Test]
    public void Constructor_InvalidOptions_ThrowsNamingTheKey()
    {
        var options = FastOptions() with { ReconnectMaxDelayMs = 1, ReconnectInitialDelayMs = 10 };

        Assert.That(() => Transport("wss://stream.example.com/", new RecordingProtocol(), options),
            Throws.ArgumentException.With.Message.Contains("test.transport.reconnectMaxDelayMs"));
    }

    [Test]
    public void Connector_ForWss_AllowsOnlyTls12And13()
    {
        var transport = Transport("wss://stream.example.com/", new RecordingProtocol());

        var protocols = transport.Connector.Handler.SslOptions.EnabledSslProtocols;

        Assert.That(protocols, Is.EqualTo(SslProtocols.Tls12 | SslProtocols.Tls13));
    }

    /// <summary>A loopback port nothing listens on (bound, read, released).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
