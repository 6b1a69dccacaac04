using Engine.Config;
using Engine.Tests.Support;
using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

public sealed class AlpacaTradingOptionsTests
{
    private static List<string> Problems(AlpacaTradingOptions options)
    {
        var errors = new List<string>();
        options.Validate("venues.alpaca", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_AreValidAndPointAtPaper()
    {
        var options = new AlpacaTradingOptions();

        Assert.That(Problems(options), Is.Empty);
        Assert.That(options.EffectiveBaseUrl, Is.EqualTo("https://paper-api.alpaca.markets"));
        Assert.That(options.EffectiveStreamUrl, Is.EqualTo("wss://paper-api.alpaca.markets/stream"));
        Assert.That((options.RateLimitPerMinute, options.Mode), Is.EqualTo((200, AlpacaTradingMode.Paper)));
    }

    [Test]
    public void Validate_LiveDefaults_AreValidAndPointAtLive()
    {
        var options = new AlpacaTradingOptions { Mode = AlpacaTradingMode.Live };

        Assert.That(Problems(options), Is.Empty);
        Assert.That(options.EffectiveBaseUrl, Is.EqualTo("https://api.alpaca.markets"));
        Assert.That(options.EffectiveStreamUrl, Is.EqualTo("wss://api.alpaca.markets/stream"));
    }

    [TestCase("http://127.0.0.1:8080")]
    [TestCase("http://localhost:8080")]
    [TestCase("http://[::1]:8080")]
    [TestCase("https://paper-api.alpaca.markets")]
    [TestCase("https://paper-api.alpaca.markets/")]
    public void Validate_PaperBaseUrl_IsAccepted(string url) =>
        Assert.That(Problems(new AlpacaTradingOptions { BaseUrl = url }), Is.Empty);

    [TestCase("http://paper-api.alpaca.markets", "not loopback")]
    [TestCase("http://10.0.0.8:8080", "not loopback")]
    [TestCase("ftp://127.0.0.1", "only https")]
    [TestCase("https://user:pw@paper-api.alpaca.markets", "user information")]
    [TestCase("https://paper-api.alpaca.markets/v2", "path")]
    [TestCase("not a url", "not an absolute URL")]
    public void Validate_PaperBaseUrl_IsRefusedWithTheReason(string url, string reason) =>
        Assert.That(Problems(new AlpacaTradingOptions { BaseUrl = url }), Has.One.StartsWith("venues.alpaca.baseUrl:").And.Contains(reason));

    [TestCase("http://127.0.0.1:8080")]
    [TestCase("http://api.alpaca.markets")]
    public void Validate_LiveModeWithPlainHttp_IsRefused(string url) =>
        Assert.That(Problems(new AlpacaTradingOptions { Mode = AlpacaTradingMode.Live, BaseUrl = url }),
            Has.One.StartsWith("venues.alpaca.baseUrl:").And.Contains("live mode requires https://"));

    [Test]
    public void Validate_LiveModeWithPlainWsStream_IsRefused() =>
        Assert.That(Problems(new AlpacaTradingOptions { Mode = AlpacaTradingMode.Live, StreamUrl = "ws://127.0.0.1:9000/stream" }),
            Has.One.StartsWith("venues.alpaca.streamUrl:").And.Contains("wss://"));

    [Test]
    public void Validate_PaperModeWithWsStreamToAnotherHost_IsRefused() =>
        Assert.That(Problems(new AlpacaTradingOptions { StreamUrl = "ws://paper-api.alpaca.markets/stream" }),
            Has.One.StartsWith("venues.alpaca.streamUrl:"));

    [Test]
    public void Validate_EveryValueOutOfRange_ReportsEachKey()
    {
        var options = new AlpacaTradingOptions
        {
            RequestTimeoutMs = 0,
            RateLimitPerMinute = 1,
            RateLimitBurst = 0,
            MaxRetries = 21,
            RetryBackoffBaseMs = 0,
            RetryBackoffCapMs = 0,
            OrderIdCacheSize = 1,
            TrustedRootCertificatePath = "/no/such/file.pem",
        };

        var problems = Problems(options);

        foreach (string key in new[] { "requestTimeoutMs", "rateLimitPerMinute", "rateLimitBurst", "maxRetries", "retryBackoffBaseMs", "retryBackoffCapMs", "orderIdCacheSize", "trustedRootCertificatePath" })
        {
            Assert.That(problems, Has.One.StartsWith($"venues.alpaca.{key}:"), key);
        }
    }

    [Test]
    public void Validate_TrustedRootOnTheStreamTransport_IsRefusedInFavourOfTheVenueKey()
    {
        string path = Path.GetTempFileName();
        try
        {
            var options = new AlpacaTradingOptions { Stream = new AlpacaTradeUpdatesOptions { Transport = new() { TrustedRootCertificatePath = path } } };

            Assert.That(Problems(options), Is.EqualTo(new[]
            {
                "venues.alpaca.stream.transport.trustedRootCertificatePath: set venues.alpaca.trustedRootCertificatePath instead (one root for REST and the stream, paper mode only)",
            }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Validate_TrustedRootInLiveMode_IsRefused()
    {
        string path = Path.GetTempFileName();
        try
        {
            Assert.That(Problems(new AlpacaTradingOptions { Mode = AlpacaTradingMode.Live, TrustedRootCertificatePath = path }),
                Has.One.StartsWith("venues.alpaca.trustedRootCertificatePath:").And.Contains("live mode"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Validate_BurstNotBelowThePerMinuteLimit_IsRefused() =>
        Assert.That(Problems(new AlpacaTradingOptions { RateLimitPerMinute = 200, RateLimitBurst = 200 }),
            Has.One.EqualTo("venues.alpaca.rateLimitBurst: 200 is outside 1..199"));

    [Test]
    public void Validate_CapBelowBase_IsRefused() =>
        Assert.That(Problems(new AlpacaTradingOptions { RetryBackoffBaseMs = 500, RetryBackoffCapMs = 100 }),
            Has.One.StartsWith("venues.alpaca.retryBackoffCapMs: 100 is outside 500.."));

    [Test]
    public void Constructor_LiveModeWithPlainHttp_ThrowsConfigException()
    {
        var options = new AlpacaTradingOptions { Mode = AlpacaTradingMode.Live, BaseUrl = "http://127.0.0.1:8080" };

        Assert.That(() => new AlpacaRestClient(options, AlpacaClientHarness.Credentials(), new CapturingLogger()),
            Throws.TypeOf<ConfigException>().With.Message.Contains("venues.alpaca.baseUrl").And.Message.Contains("live mode requires https://"));
    }

    [Test]
    public void Constructor_PaperModeWithHttpToARemoteHost_ThrowsConfigException()
    {
        var options = new AlpacaTradingOptions { BaseUrl = "http://paper-api.alpaca.markets" };

        Assert.That(() => new AlpacaRestClient(options, AlpacaClientHarness.Credentials(), new CapturingLogger()),
            Throws.TypeOf<ConfigException>().With.Message.Contains("not loopback"));
    }

    [Test]
    public void LimiterOptions_Defaults_NeverAllowMoreThanTheLimitInAMinute()
    {
        var limiter = AlpacaRestClient.LimiterOptions(200, 10);

        long refillsPerMinute = TimeSpan.TicksPerMinute / limiter.ReplenishmentPeriod.Ticks;
        Assert.That(limiter.TokenLimit + refillsPerMinute, Is.LessThanOrEqualTo(200));
        Assert.That(limiter.TokenLimit + refillsPerMinute, Is.GreaterThanOrEqualTo(199));
    }
}
