using System.Net.WebSockets;
using Engine.Tests.Support;
using Engine.Tests.Venues.Alpaca;
using Feeds.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Transport;

/// <summary>
/// The transport over wss to a loopback server whose self-signed certificate is made at test time:
/// trusted only through <see cref="WebSocketTransportOptions.TrustedRootCertificatePath"/>, with the
/// host name still checked and validation never switched off.
/// </summary>
public sealed class WebSocketTransportTlsTests
{
    private readonly List<TestCertificate> _certificates = [];

    [TearDown]
    public void TearDown()
    {
        foreach (var certificate in _certificates)
        {
            certificate.Dispose();
        }
        _certificates.Clear();
    }

    private TestCertificate Certificate(string? dnsName = null)
    {
        var certificate = TestCertificate.Create(dnsName);
        _certificates.Add(certificate);
        return certificate;
    }

    private static WebSocketTransportOptions Options(string trustedRoot, int maxFailures = 0) => new()
    {
        ConnectTimeoutMs = 5_000,
        ReconnectInitialDelayMs = 5,
        ReconnectMaxDelayMs = 20,
        MaxConsecutiveFailures = maxFailures,
        StaleTimeoutMs = 0,
        TrustedRootCertificatePath = trustedRoot,
    };

    private static WebSocketTransport Transport(string url, RecordingProtocol protocol, WebSocketTransportOptions options) =>
        new(url, options, protocol, NullLogger.Instance, random: new Random(7), name: "test");

    private static async Task Serve(WebSocket socket, int index, CancellationToken cancellation)
    {
        await LoopbackWebSocketServer.ReceiveAsync(socket, cancellation);
        await LoopbackWebSocketServer.SendAsync(socket, "established");
        await LoopbackWebSocketServer.DrainUntilClosedAsync(socket, index, cancellation);
    }

    [Test]
    public async Task Start_WssWithTheTestRootTrusted_ConnectsAndDelivers()
    {
        var certificate = Certificate();
        await using var server = await LoopbackWebSocketServer.StartAsync(Serve, certificate.Server);
        var protocol = new RecordingProtocol();
        await using var transport = Transport(server.BaseUrl + "/feed", protocol, Options(certificate.PemPath));

        transport.Start();
        // The transport counts the session once the message that established it has been handled.
        Eventually.Until(() => !protocol.Messages.IsEmpty && transport.SessionsEstablished > 0, TestTimeouts.Join, "the message arrived over wss");

        Assert.That(server.BaseUrl, Does.StartWith("wss://127.0.0.1:"));
        Assert.That(protocol.Messages, Is.EqualTo(new[] { "established" }));
        Assert.That(transport.SessionsEstablished, Is.EqualTo(1));
        Assert.That(transport.ConnectFailures, Is.Zero);
    }

    [Test]
    public async Task Start_WssWithNoTrustedRoot_NeverConnects()
    {
        var certificate = Certificate();
        await AssertRefusedAsync(certificate, trustedRoot: "");
    }

    [Test]
    public async Task Start_WssWithAnotherRootTrusted_NeverConnects()
    {
        var served = Certificate();
        var other = Certificate();
        await AssertRefusedAsync(served, other.PemPath);
    }

    [Test]
    public async Task Start_TrustedRootForAnotherHostName_NeverConnects()
    {
        var misnamed = Certificate("not-this-host.invalid");
        await AssertRefusedAsync(misnamed, misnamed.PemPath);
    }

    [Test]
    public async Task Connector_TrustedRoot_KeepsTls12And13OnlyAndAddsTheCallback()
    {
        var certificate = Certificate();
        await using var plain = Transport("wss://stream.example.com/", new RecordingProtocol(), Options(""));
        await using var trusting = Transport("wss://stream.example.com/", new RecordingProtocol(), Options(certificate.PemPath));

        Assert.That(plain.Connector.Handler.SslOptions.RemoteCertificateValidationCallback, Is.Null, "platform validation only");
        Assert.That(trusting.Connector.Handler.SslOptions.RemoteCertificateValidationCallback, Is.Not.Null);
        Assert.That(trusting.Connector.Handler.SslOptions.EnabledSslProtocols, Is.EqualTo(plain.Connector.Handler.SslOptions.EnabledSslProtocols));
        Assert.That(trusting.Connector.Handler.SslOptions.EnabledSslProtocols, Is.EqualTo(WebSocketConnector.AllowedTlsProtocols));
    }

    [Test]
    public void Constructor_TrustedRootNotACertificate_ThrowsNamingTheKey()
    {
        string path = Path.Combine(Path.GetTempPath(), $"not-a-cert-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, "not a certificate");
        try
        {
            Assert.That(() => Transport("wss://stream.example.com/", new RecordingProtocol(), Options(path)),
                Throws.InvalidOperationException.With.Message.Contains("test.transport.trustedRootCertificatePath"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task AssertRefusedAsync(TestCertificate served, string trustedRoot)
    {
        await using var server = await LoopbackWebSocketServer.StartAsync(Serve, served.Server);
        var protocol = new RecordingProtocol();
        await using var transport = Transport(server.BaseUrl + "/feed", protocol, Options(trustedRoot, maxFailures: 2));

        transport.Start();
        Eventually.Until(() => transport.State == TransportState.Stopped, TestTimeouts.Join, "the transport gave up after two failed handshakes");

        Assert.That(transport.ConnectFailures, Is.EqualTo(2));
        Assert.That(server.Connections, Is.Zero, "no WebSocket was accepted");
        Assert.That(protocol.Connects, Is.Zero);
        Assert.That(protocol.Messages, Is.Empty);
    }
}
