using System.Security.Authentication;
using Engine.Config;
using Engine.Orders;
using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>
/// The client over https against the fake with a self-signed certificate made at test time: trusted
/// only through the explicit trusted-root option, never by switching validation off.
/// </summary>
public sealed class AlpacaRestClientTlsTests
{
    private AlpacaClientHarness _harness = null!;

    [SetUp]
    public async Task StartAsync() => _harness = await AlpacaClientHarness.StartAsync(https: true);

    [TearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    [Test]
    public async Task PlaceOrderAsync_HttpsWithTheTestRootTrusted_PlacesTheOrder()
    {
        _harness.Options.TrustedRootCertificatePath = _harness.Certificate!.PemPath;

        var placed = await _harness.Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-1"), CancellationToken.None);
        var account = await _harness.Client.GetAccountAsync(CancellationToken.None);

        Assert.That(_harness.Server.BaseUrl, Does.StartWith("https://127.0.0.1:"));
        Assert.That(placed.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(account.Outcome, Is.EqualTo(AlpacaOutcome.Ok));
        Assert.That(_harness.Server.CountWithClientOrderId("eng-1"), Is.EqualTo(1));
    }

    [Test]
    public async Task PlaceOrderAsync_TestRootNotTrusted_NeverSendsTheRequest()
    {
        _harness.Options.MaxRetries = 1;

        var placed = await _harness.Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-2"), CancellationToken.None);

        Assert.That(placed.Outcome, Is.EqualTo(AlpacaOutcome.Refused), "the TLS handshake failed, so nothing reached the venue");
        Assert.That(placed.Error!.Reason, Is.EqualTo(VenueRejectReason.VenueUnavailable));
        Assert.That(placed.Error.Message, Does.Contain("SecureConnectionError"));
        Assert.That(_harness.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task PlaceOrderAsync_AnotherRootTrusted_NeverSendsTheRequest()
    {
        using var other = TestCertificate.Create();
        _harness.Options.TrustedRootCertificatePath = other.PemPath;
        _harness.Options.MaxRetries = 0;

        var placed = await _harness.Client.PlaceOrderAsync(AlpacaClientHarness.LimitBuy("eng-3"), CancellationToken.None);

        Assert.That(placed.Outcome, Is.EqualTo(AlpacaOutcome.Refused));
        Assert.That(_harness.Server.Requests, Is.Empty);
    }

    [Test]
    public async Task GetAccountAsync_TrustedRootForAnotherHostName_IsRefused()
    {
        using var misnamed = TestCertificate.Create("not-this-host.invalid");
        await using var server = await FakeAlpacaTradingServer.StartAsync(misnamed.Server);
        var options = _harness.Options with { BaseUrl = server.BaseUrl, TrustedRootCertificatePath = misnamed.PemPath, MaxRetries = 0 };
        using var client = new AlpacaRestClient(options, AlpacaClientHarness.Credentials(), _harness.Log, _harness.Delays);

        var account = await client.GetAccountAsync(CancellationToken.None);

        Assert.That(account.Outcome, Is.Not.EqualTo(AlpacaOutcome.Ok), "the host name is checked even for a trusted root");
        Assert.That(server.Requests, Is.Empty);
    }

    [Test]
    public void Constructor_Always_AllowsTls12And13Only()
    {
        Assert.That(_harness.Client.Handler.SslOptions.EnabledSslProtocols, Is.EqualTo(SslProtocols.Tls12 | SslProtocols.Tls13));
        Assert.That(_harness.Client.Handler.AllowAutoRedirect, Is.False);
    }

    [Test]
    public void Constructor_TrustedRootNotACertificate_ThrowsNamingTheKey()
    {
        string path = Path.Combine(Path.GetTempPath(), $"not-a-cert-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, "not a certificate");
        try
        {
            var options = _harness.Options with { TrustedRootCertificatePath = path };

            Assert.That(() => new AlpacaRestClient(options, AlpacaClientHarness.Credentials(), _harness.Log),
                Throws.InvalidOperationException.With.Message.Contains("venues.alpaca.trustedRootCertificatePath"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Constructor_TrustedRootInLiveMode_Throws()
    {
        var options = new AlpacaTradingOptions { Mode = AlpacaTradingMode.Live, TrustedRootCertificatePath = _harness.Certificate!.PemPath };

        Assert.That(() => new AlpacaRestClient(options, AlpacaClientHarness.Credentials(), _harness.Log),
            Throws.TypeOf<ConfigException>().With.Message.Contains("venues.alpaca.trustedRootCertificatePath"));
    }
}
