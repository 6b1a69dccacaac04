using Engine.Tests.Support;
using Engine.Venues.Alpaca;
using Feeds.Transport;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>
/// A fake trading server and a client pointed at it over real loopback sockets, with short timeouts,
/// retry waits that cost no time (recorded in <see cref="Delays"/>) and a captured log. Disposing it
/// checks that no log line carries either credential.
/// </summary>
internal sealed class AlpacaClientHarness : IAsyncDisposable
{
    /// <summary>The request timeout of tests whose answers come: generous, so a cold first request on a busy machine never times out.</summary>
    public const int TimeoutMs = 10_000;

    /// <summary>The request timeout of tests that make the fake hold its answer: short, since the test waits for it.</summary>
    public const int ShortTimeoutMs = 300;

    private AlpacaRestClient? _client;

    private AlpacaClientHarness(FakeAlpacaTradingServer server, TestCertificate? certificate)
    {
        Server = server;
        Certificate = certificate;
        Options = new AlpacaTradingOptions
        {
            BaseUrl = server.BaseUrl,
            RequestTimeoutMs = TimeoutMs,
            RateLimitPerMinute = 600_000,
            RateLimitBurst = 1_000,
            MaxRetries = 4,
            RetryBackoffBaseMs = 10,
            RetryBackoffCapMs = 2_000,
        };
    }

    public FakeAlpacaTradingServer Server { get; }

    /// <summary>The server's certificate in https mode, else null.</summary>
    public TestCertificate? Certificate { get; }

    public CapturingLogger Log { get; } = new();

    public ImmediateDelays Delays { get; } = new();

    /// <summary>The options the client is built from on first use (change them before that): the fake's URL, short timeouts, a rate limit that does not bite, 4 retries.</summary>
    public AlpacaTradingOptions Options { get; }

    /// <summary>The client, built on first use.</summary>
    public AlpacaRestClient Client => _client ??= new AlpacaRestClient(Options, Credentials(), Log, Delays, new Random(5));

    /// <summary>Starts a plain-http fake, or an https one with a fresh test certificate.</summary>
    public static async Task<AlpacaClientHarness> StartAsync(bool https = false)
    {
        var certificate = https ? TestCertificate.Create() : null;
        var server = await FakeAlpacaTradingServer.StartAsync(certificate?.Server);
        return new AlpacaClientHarness(server, certificate);
    }

    /// <summary>Credentials as the environment would give them (the fake's own by default).</summary>
    public static ApiCredentials Credentials(string keyId = FakeAlpacaTradingServer.KeyId, string secret = FakeAlpacaTradingServer.Secret) =>
        ApiCredentials.FromEnvironment(AlpacaTradingOptions.KeyIdVariable, AlpacaTradingOptions.SecretKeyVariable,
            name => name == AlpacaTradingOptions.KeyIdVariable ? keyId : secret);

    /// <summary>A day limit buy of AAPL.</summary>
    public static AlpacaOrderRequest LimitBuy(string clientOrderId, string qty = "10", string limit = "126.55") =>
        new("AAPL", qty, "buy", "limit", "day", clientOrderId, LimitPrice: limit);

    /// <summary>Fails when a log line carries a credential.</summary>
    public static void AssertNoSecretIn(CapturingLogger log)
    {
        foreach (var entry in log.Entries)
        {
            string text = entry.Message + " " + entry.Exception;
            Assert.That(text, Does.Not.Contain(FakeAlpacaTradingServer.Secret).And.Not.Contain(FakeAlpacaTradingServer.KeyId), "a log line carries a credential");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await Server.DisposeAsync();
        Certificate?.Dispose();
        AssertNoSecretIn(Log);
    }
}
