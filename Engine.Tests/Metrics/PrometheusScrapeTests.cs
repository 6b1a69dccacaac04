using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Engine.Host;
using Engine.Metrics;
using Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Metrics;

/// <summary>
/// A real Prometheus server (Debian's <c>prometheus</c>, which <c>.ci/run</c> installs) scrapes the
/// running engine's /metrics with the shipped alert rules loaded, and answers a query about it.
/// </summary>
public sealed class PrometheusScrapeTests
{
    private const string Prometheus = "/usr/bin/prometheus";

    [Test]
    public async Task Prometheus_ScrapingTheEngine_SeesItsEventsAndLoadsTheAlertRules()
    {
        if (!File.Exists(Prometheus))
        {
            Assert.Ignore("prometheus is not installed here; .ci/run installs it (apt-get install prometheus)");
        }
        var options = TestEngines.Synthetic("scrape-test", 10_000);
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        host.Start();
        await using var metrics = await MetricsServer.StartAsync(options.Metrics, host, NullLoggerFactory.Instance);
        string folder = Directory.CreateTempSubdirectory("prometheus-test-").FullName;
        int port = FreePort();
        string rules = Path.Combine(RepositoryPaths.Root(), "deploy", "prometheus", "alerts.yml");
        File.WriteAllText(Path.Combine(folder, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - {rules}
            scrape_configs:
              - job_name: engine
                static_configs:
                  - targets: ['{new Uri(metrics.BaseUrl).Authority}']
            """);
        using var prometheus = Process.Start(new ProcessStartInfo(Prometheus)
        {
            ArgumentList =
            {
                $"--config.file={Path.Combine(folder, "prometheus.yml")}",
                $"--storage.tsdb.path={Path.Combine(folder, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        prometheus.OutputDataReceived += (_, _) => { };
        prometheus.ErrorDataReceived += (_, _) => { };
        prometheus.BeginOutputReadLine();
        prometheus.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Eventually.Until(() => Query(http, "engine_events_processed_total{job=\"engine\"}") > 0, TestTimeouts.LongRun, "Prometheus scraped the engine's events");
            Eventually.Until(() => Query(http, "up{job=\"engine\"}") == 1, TestTimeouts.LongRun, "the engine target is up");
            string loaded = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/api/v1/rules"));
            Assert.That(loaded, Does.Contain("CircuitBreakerOpen").And.Contain("DailyLossAt80Percent"));
            Assert.That(loaded, Does.Contain("FeedDisconnected").And.Contain("FeedStale"));
            Eventually.Until(() => Query(http, "engine_feed_connected{job=\"engine\",feed=\"synthetic-0\"}") == 1, TestTimeouts.LongRun, "Prometheus sees the synthetic feed connected");
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
            host.Stop();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The first sample's value of an instant query, or -1 while there is none.</summary>
    private static double Query(HttpClient http, string query)
    {
        try
        {
            string json = http.GetStringAsync(new Uri(http.BaseAddress!, "/api/v1/query?query=" + Uri.EscapeDataString(query))).GetAwaiter().GetResult();
            using var document = JsonDocument.Parse(json);
            var result = document.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 0 ? -1 : double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return -1; // still starting
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
