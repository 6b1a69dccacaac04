using System.Net;
using System.Text.Json;
using Engine.Config;
using Engine.Host;
using Engine.MarketData;
using Engine.Metrics;
using Engine.Tests.Alpaca;
using Engine.Tests.Support;
using Feeds;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.MarketData;

/// <summary>
/// The engine with the Alpaca market data stream on, against a loopback server speaking Alpaca's
/// protocol, behind its metrics server: quotes and trades reach the books, bad frames are counted
/// and skipped, the credentials go to the server and nowhere else.
/// </summary>
public sealed class AlpacaFeedEndToEndTests
{
    // Synthetic SYN0, SYN1 (TestEngines), then trades' AAPL and quotes' AMD.
    private const int Aapl = 2;
    private const int Amd = 3;

    private const string UnknownSymbolQuote = """[{"T":"q","S":"MSFT","bp":250.1,"bs":2,"ap":250.2,"as":3,"t":"2021-02-22T15:51:46Z"}]""";
    private const string NotJson = """[{"T":"q","S":"AMD","bp":87.""";
    private const string LaterQuote = """[{"T":"q","S":"AMD","bx":"U","bp":87.65,"bs":3,"ax":"X","ap":87.69,"as":5,"t":"2021-02-22T15:51:47Z","c":["R"],"z":"C"}]""";

    private static string? Environment(string name) => name switch
    {
        "APCA_API_KEY_ID" => FakeAlpacaServer.KeyId,
        "APCA_API_SECRET_KEY" => FakeAlpacaServer.Secret,
        _ => null,
    };

    private static EngineOptions Options(string url)
    {
        var options = TestEngines.Synthetic("alpaca-e2e", 10_000);
        options.Feeds = new FeedsOptions
        {
            Alpaca = new AlpacaFeedOptions
            {
                Enabled = true,
                Url = url,
                Trades = ["AAPL"],
                Quotes = ["AMD"],
                Statuses = ["AAPL", "AMD"],
                Transport = new() { ReconnectInitialDelayMs = 5, ReconnectMaxDelayMs = 20, StaleTimeoutMs = 0 },
            },
        };
        return options;
    }

    [Test]
    public async Task Stream_QuotesTradesAndBadFrames_ReachTheBooksAndTheMetrics()
    {
        await using var alpaca = await FakeAlpacaServer.StartAsync();
        var options = Options(alpaca.Url);
        Assert.That(options.Validate(), Is.Empty);
        var logs = new CapturingLoggerFactory();
        using var host = new EngineHost(options, logs, environment: Environment);
        Assert.That((host.Instruments[Aapl].Symbol, host.Instruments[Amd].Symbol, host.Instruments[Amd].Venue), Is.EqualTo(("AAPL", "AMD", "ALPACA")));
        host.Start();
        await using var server = await MetricsServer.StartAsync(options.Metrics, host, NullLoggerFactory.Instance);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        Eventually.Until(() => alpaca.Streaming == 1, TestTimeouts.Join, "the feed authenticated and subscribed");
        using (var auth = JsonDocument.Parse(alpaca.AuthRequests.Single()))
        {
            Assert.That(auth.RootElement.GetProperty("key").GetString(), Is.EqualTo(FakeAlpacaServer.KeyId));
        }
        using (var subscribe = JsonDocument.Parse(alpaca.SubscribeRequests.Single()))
        {
            Assert.That(subscribe.RootElement.GetProperty("quotes")[0].GetString(), Is.EqualTo("AMD"));
            Assert.That(subscribe.RootElement.GetProperty("trades")[0].GetString(), Is.EqualTo("AAPL"));
        }
        alpaca.Send(0, AlpacaTestData.ThreeQuotes);
        alpaca.Send(0, UnknownSymbolQuote);
        alpaca.Send(0, NotJson);
        alpaca.Send(0, AlpacaTestData.Trade);
        alpaca.Send(0, LaterQuote);

        var health = host.Feeds.Single(f => f.Name == LiveFeed.AlpacaName);
        Eventually.Until(() => health.Messages >= 5, TestTimeouts.LongRun, "the feed took the five frames");
        Eventually.Until(() => Get(http, "/metrics").Body.Contains("engine_feed_decode_errors_total{feed=\"alpaca\"} 2", StringComparison.Ordinal),
            TestTimeouts.LongRun, "the unknown symbol and the broken frame are counted, one each");
        string metrics = Get(http, "/metrics").Body;
        string ready = Get(http, "/readyz").Body;

        Assert.That(host.Stop(), Is.True, "stopped and drained");
        Assert.That(metrics, Does.Contain("engine_feed_connected{feed=\"alpaca\"} 1"));
        Assert.That(metrics, Does.Contain("engine_feed_stale{feed=\"alpaca\"} 0"));
        Assert.That(ready, Does.Contain("\"name\":\"feeds/alpaca\",\"ok\":true"));
        var amd = host.Books[Amd];
        Assert.That(amd.TryGetBest(Side.Buy, out var bid), Is.True);
        Assert.That(amd.TryGetBest(Side.Sell, out var ask), Is.True);
        Assert.That((bid.PriceTicks, bid.Quantity, ask.PriceTicks, ask.Quantity), Is.EqualTo((876_500L, 3L, 876_900L, 5L)),
            "the quote after the broken frame is in the book: nothing was lost behind it");
        Assert.That(host.Risk.Engine[Aapl].LastTradeTicks, Is.EqualTo(1_265_500L), "AAPL's trade at $126.55 reached risk");
        Assert.That(amd.IsValid, Is.False, "stopping closed the feed and its books are invalid");
        Assert.That(health.IsConnected, Is.False);
        Assert.That(logs.Logger.Entries.Select(e => e.Message), Has.None.Contains(FakeAlpacaServer.Secret).And.None.Contains(FakeAlpacaServer.KeyId),
            "the credentials are never logged");
    }

    [Test]
    public void Start_WithoutTheSecretInTheEnvironment_IsRefusedNamingTheVariable()
    {
        var options = Options("ws://127.0.0.1:1/v2/iex");
        var thrown = Assert.Catch(() => new EngineHost(options, NullLoggerFactory.Instance, environment: name => name == "APCA_API_KEY_ID" ? FakeAlpacaServer.KeyId : null));

        Assert.That(thrown!.Message, Does.Contain("APCA_API_SECRET_KEY"));
        Assert.That(thrown.Message, Does.Not.Contain(FakeAlpacaServer.KeyId));
    }

    private static (HttpStatusCode Status, string Body) Get(HttpClient http, string path)
    {
        using var response = http.GetAsync(path).GetAwaiter().GetResult();
        return (response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }
}
