using Engine.Host;
using Engine.Logging;
using Engine.Metrics;
using Engine.Pipeline;
using Engine.Risk;
using Engine.Strategies;
using Engine.Tests.Support;
using Feeds;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Metrics;

/// <summary>/metrics over a real socket, filled from the running engine's snapshots.</summary>
public sealed class MetricsServerTests
{
    [Test]
    public async Task Metrics_RunningEngine_ServesTheLoopsFiguresAndDotNets()
    {
        var options = TestEngines.Synthetic("metrics-test", 100_000);
        using var logging = EngineLogging.Create(options.Logging, TextWriter.Null);
        using var host = new EngineHost(options, logging.Factory);
        host.Start();
        await using var server = await MetricsServer.StartAsync(options.Metrics, host, logging.Factory, logging);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        host.Send(ControlCommand.Kill);

        string text = "";
        Eventually.Until(() =>
        {
            text = http.GetStringAsync("/metrics").GetAwaiter().GetResult();
            return text.Contains("engine_trading_state 2", StringComparison.Ordinal) && !text.Contains("engine_events_processed_total 0\n", StringComparison.Ordinal);
        }, TestTimeouts.LongRun, "the metrics show the kill and the events");
        host.Stop();

        Assert.That(server.BaseUrl, Does.StartWith("http://127.0.0.1:"));
        Assert.That(text, Does.Contain("# TYPE engine_events_processed_total counter"));
        Assert.That(text, Does.Contain("engine_breaker_state 1"), "a kill opens the breaker");
        Assert.That(text, Does.Contain("engine_risk_rejections_total{reason=\"KillSwitch\"}"));
        Assert.That(text, Does.Contain("engine_ring_slots 4096"));
        Assert.That(text, Does.Contain("dotnet_collection_count_total"));
        Assert.That(text, Does.Contain("engine_gc_allocated_bytes"));
        Assert.That(text, Does.Contain("engine_log_events_dropped_total 0"), "nothing dropped from the log ring");
    }

    [Test]
    public async Task Metrics_AfterAFilledOrderAndAKill_ServeLatenciesOrdersTripsAndTheVenue()
    {
        var options = TestEngines.Synthetic("metrics-orders", 100_000, seed: 3);
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        host.Start();
        await using var server = await MetricsServer.StartAsync(options.Metrics, host, NullLoggerFactory.Instance);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        Eventually.Until(() => host.Status().EventsProcessed > 20_000, TestTimeouts.LongRun, "the books have a market");
        host.Send(ControlCommand.PlaceOrder, new OrderIntent(0, 0, Side.Buy, OrderType.Market, TimeInForce.Day, 100), requestId: 1);
        Eventually.Until(() => host.Router.Snapshot.OrdersFilled == 1, TestTimeouts.LongRun, "the paper venue filled the order");
        host.Send(ControlCommand.Kill);

        string text = "";
        Eventually.Until(() =>
        {
            text = http.GetStringAsync("/metrics").GetAwaiter().GetResult();
            return text.Contains("engine_breaker_trips_total{reason=\"ManualKill\"} 1", StringComparison.Ordinal)
                && text.Contains("engine_intent_to_ack_seconds_count 1\n", StringComparison.Ordinal);
        }, TestTimeouts.LongRun, "the metrics show the order's latencies and the kill");
        host.Stop();

        Assert.That(text, Does.Contain("# TYPE engine_tick_to_order_seconds histogram"));
        Assert.That(text, Does.Contain("engine_tick_to_order_seconds_count 1\n"));
        Assert.That(text, Does.Contain("engine_tick_to_order_seconds_bucket{le=\"+Inf\"} 1\n"));
        Assert.That(text, Does.Contain("engine_tick_to_order_seconds_bucket{le=\"1E-06\"}").Or.Contain("engine_tick_to_order_seconds_bucket{le=\"1e-06\"}"), "the histogram's buckets are the recorder's");
        Assert.That(text, Does.Contain("engine_intent_to_ack_seconds_bucket{le=\"10\"} 1\n"), "an ack within 10 s");
        Assert.That(text, Does.Contain("engine_orders_filled_total 1\n"));
        Assert.That(text, Does.Contain("engine_orders_canceled_total 0\n"));
        Assert.That(text, Does.Contain("engine_breaker_trips_total{reason=\"RejectRate\"} 0\n"));
        Assert.That(text, Does.Contain("engine_venue_stream_connected 1\n"), "the paper venue has no stream to lose");
        Assert.That(text, Does.Contain("engine_venue_stream_reconnects_total 0\n"));
        Assert.That(text, Does.Contain($"engine_venue_rate_limit_permits {EngineMetrics.PaperVenueRatePermits}\n"));
        Assert.That(text, Does.Contain("engine_venue_reports_waiting 0\n"));
        Assert.That(text, Does.Contain("engine_venue_report_queue_grown_total 0\n"));
        Assert.That(text, Does.Match("engine_loop_ticks_total [0-9]+\n"), "the loop's tick (its count depends on how quiet the market was)");
        Assert.That(text, Does.Contain("engine_loop_ticks_skipped_total 0\n"));
    }

    [Test]
    public async Task Metrics_MarketMakerRunning_ServesTheStrategysCounts()
    {
        var options = TestEngines.Synthetic("metrics-strategy", 100_000) with { Strategy = new StrategyOptions { Name = StrategyKind.MarketMaker } };
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        host.Start();
        await using var server = await MetricsServer.StartAsync(options.Metrics, host, NullLoggerFactory.Instance);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        const string Submitted = "engine_strategy_events_total{strategy=\"MarketMaker\",event=\"intents_submitted\"} ";

        string text = "";
        Eventually.Until(() =>
        {
            text = http.GetStringAsync("/metrics").GetAwaiter().GetResult();
            int at = text.IndexOf(Submitted, StringComparison.Ordinal);
            return at >= 0 && text[at + Submitted.Length] != '0';
        }, TestTimeouts.LongRun, "the market maker's submissions reach /metrics");
        host.Stop();

        foreach (string name in new MarketMakerStrategy(new StrategyOptions(), 2).CountNames)
        {
            Assert.That(text, Does.Contain($"engine_strategy_events_total{{strategy=\"MarketMaker\",event=\"{name}\"}} "), name);
        }
        Assert.That(text, Does.Contain("engine_strategy_events_total{strategy=\"MarketMaker\",event=\"intents_refused\"} "));
    }

    [Test]
    public async Task HealthAndReadiness_FollowTheLoopAndTheBreaker()
    {
        var options = TestEngines.Synthetic("health-test", 10_000);
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        host.Start();
        await using var server = await MetricsServer.StartAsync(options.Metrics, host, NullLoggerFactory.Instance);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        using (var live = await http.GetAsync("/healthz"))
        {
            Assert.That(live.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
            Assert.That(await live.Content.ReadAsStringAsync(), Does.Contain("\"name\":\"loop\",\"ok\":true"));
        }
        Eventually.Until(() => Status(http, "/readyz") == 200, TestTimeouts.LongRun, "ready: books valid, paper venue, breaker closed");

        host.Send(ControlCommand.Kill);
        Eventually.Until(() => Status(http, "/readyz") == 503, TestTimeouts.LongRun, "not ready once killed");
        string body = await http.GetStringAsync(new Uri(server.BaseUrl + "/metrics"));
        using (var ready = await http.GetAsync("/readyz"))
        {
            string text = await ready.Content.ReadAsStringAsync();
            Assert.That(text, Does.Contain("\"name\":\"trading\",\"ok\":false,\"detail\":\"Halted\""));
            Assert.That(text, Does.Contain("\"name\":\"venue\",\"ok\":true"));
        }
        Assert.That(body, Does.Contain("engine_trading_state"));

        host.Stop();
        Assert.That(Status(http, "/healthz"), Is.EqualTo(503), "a stopped loop is not alive");
    }

    private static int Status(HttpClient http, string path)
    {
        using var response = http.GetAsync(path).GetAwaiter().GetResult();
        return (int)response.StatusCode;
    }

    [Test]
    public void Validate_BadOptions_ReportsEveryProblemWithItsKey()
    {
        var errors = new List<string>();

        new MetricsOptions { Address = "localhost:1", Port = 70_000, IntervalMs = 5 }.Validate("metrics", errors);

        Assert.That(errors, Has.Count.EqualTo(3));
        Assert.That(errors, Has.One.StartsWith("metrics.address:"));
        Assert.That(errors, Has.One.StartsWith("metrics.port: 70000"));
        Assert.That(errors, Has.One.StartsWith("metrics.intervalMs: 5"));
    }
}
