using System.Net;
using Engine.Host;
using Engine.MarketData;
using Engine.Metrics;
using Engine.Pipeline;
using Engine.Risk;
using Engine.Tests.Kraken;
using Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.MarketData;

/// <summary>
/// The engine with the Kraken feed on, against a loopback Kraken, behind its metrics server:
/// readiness, metrics and the breaker follow the feed as it drops and comes back.
/// </summary>
public sealed class KrakenFeedEndToEndTests
{
    private const string Xbt = "XBT/USD";
    private const string KrakenDown = "\"name\":\"feeds/kraken\",\"ok\":false";
    private const string KrakenUp = "\"name\":\"feeds/kraken\",\"ok\":true";

    private static string Snapshot(string bestAsk, string bestBid) =>
        KrakenMessages.Snapshot(Xbt, 10, [(bestAsk, "1.00000000"), ("100.7", "2.00000000")], [(bestBid, "3.00000000"), ("99.9", "4.00000000")]);

    [Test]
    public async Task FeedDropsAndComesBack_ReadinessMetricsAndBreakerFollow()
    {
        await using var kraken = await FakeKrakenServer.StartAsync();
        var options = TestEngines.Synthetic("kraken-e2e", 10_000);
        options.Feeds = new FeedsOptions
        {
            Kraken = new KrakenFeedOptions
            {
                Enabled = true,
                Url = kraken.Url,
                Pairs = [Xbt],
                Transport = new() { ReconnectInitialDelayMs = 5, ReconnectMaxDelayMs = 20, StaleTimeoutMs = 0 },
            },
        };
        Assert.That(options.WithKrakenVolumes().Validate(), Is.Empty);
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        host.Start();
        await using var server = await MetricsServer.StartAsync(options.Metrics, host, NullLoggerFactory.Instance);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        Eventually.Until(() => kraken.RequestsOf("subscribe").Count == 1, TestTimeouts.Join, "the feed subscribed");
        Assert.That(Get(http, "/readyz").Body, Does.Contain(KrakenDown), "connected but no snapshot yet: not ready");
        kraken.Send(0, Snapshot("100.5", "100.1"));
        Eventually.Until(() => Get(http, "/readyz").Status == HttpStatusCode.OK, TestTimeouts.LongRun, "ready once the snapshot arrived");
        Eventually.Until(() => Get(http, "/metrics").Body.Contains("engine_feed_connected{feed=\"kraken\"} 1", StringComparison.Ordinal),
            TestTimeouts.LongRun, "the metrics show the feed connected");

        kraken.Close(0);

        Eventually.Until(() => Get(http, "/readyz").Status == HttpStatusCode.ServiceUnavailable, TestTimeouts.LongRun, "not ready once the feed dropped");
        Assert.That(Get(http, "/readyz").Body, Does.Contain(KrakenDown));
        Assert.That(Get(http, "/healthz").Status, Is.EqualTo(HttpStatusCode.OK), "the loop still advances");
        Eventually.Until(() => Get(http, "/metrics").Body.Contains("engine_feed_connected{feed=\"kraken\"} 0", StringComparison.Ordinal),
            TestTimeouts.LongRun, "the metrics show the feed disconnected");
        Eventually.Until(() => host.Risk.Snapshot.BreakerState == BreakerState.Open, TestTimeouts.LongRun, "the breaker opened");

        Eventually.Until(() => kraken.RequestsOf("subscribe").Count == 2, TestTimeouts.LongRun, "the feed reconnected and subscribed again");
        kraken.Send(1, Snapshot("100.4", "100.0"));
        Eventually.Until(() => Get(http, "/readyz").Body is var body && body.Contains(KrakenUp, StringComparison.Ordinal)
            && body.Contains("\"name\":\"books\",\"ok\":true", StringComparison.Ordinal), TestTimeouts.LongRun, "the feed and its book are back");
        // The breaker stays open after a trip until its probe succeeds or the operator resumes.
        host.Send(ControlCommand.Resume);
        Eventually.Until(() => Get(http, "/readyz").Status == HttpStatusCode.OK, TestTimeouts.LongRun, "ready again");
        Eventually.Until(() => Get(http, "/metrics").Body.Contains("engine_feed_reconnects_total{feed=\"kraken\"} 1", StringComparison.Ordinal),
            TestTimeouts.LongRun, "the metrics count one reconnect");
        string metrics = Get(http, "/metrics").Body;

        Assert.That(host.Stop(), Is.True, "stopped and drained");
        Assert.That(metrics, Does.Contain("engine_feed_connected{feed=\"kraken\"} 1"));
        Assert.That(metrics, Does.Contain("engine_feed_connected{feed=\"synthetic-0\"} 1"));
        Assert.That(metrics, Does.Contain("engine_feed_stale{feed=\"kraken\"} 0"));
        Assert.That(metrics, Does.Contain("engine_feed_checksum_failures_total{feed=\"kraken\"} 0"));
        Assert.That(metrics, Does.Contain("engine_feed_decode_errors_total{feed=\"kraken\"} 0"));
        Assert.That(metrics, Does.Contain("engine_feed_last_message_age_seconds{feed=\"kraken\"}"));
        Assert.That(host.Risk.Breaker.Count(BreakerReason.StaleFeed), Is.EqualTo(2), "the drop, then the stop after the resume, each tripped the breaker as a stale feed");
        Assert.That(host.Feeds.Single(f => f.Name == LiveFeed.KrakenName).IsConnected, Is.False, "stopping closed the feed");
        Assert.That(host.Books[2].IsValid, Is.False, "and its book is invalid: the loop drained the feed's last statuses");
    }

    private static (HttpStatusCode Status, string Body) Get(HttpClient http, string path)
    {
        using var response = http.GetAsync(path).GetAwaiter().GetResult();
        return (response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }
}
