using Engine.Host;
using Engine.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Engine.Metrics;

/// <summary>
/// <c>/metrics</c> for Prometheus, <c>/healthz</c> (the loop advances) and <c>/readyz</c> (books
/// valid, venue ready, breaker closed, not halted), each health answer a JSON body per component with
/// 200 or 503 (Kestrel, loopback by default); and the timer that copies the loop's snapshots into
/// the metrics every <see cref="MetricsOptions.IntervalMs"/>, plus .NET's own GC and process
/// figures. Nothing here runs on the loop.
/// </summary>
public sealed class MetricsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Timer _timer;

    private MetricsServer(WebApplication app, Timer timer)
    {
        _app = app;
        _timer = timer;
    }

    /// <summary>The base address, <c>http://address:port</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Starts publishing <paramref name="host"/>'s figures and serving them.</summary>
    public static async Task<MetricsServer> StartAsync(MetricsOptions options, EngineHost host, ILoggerFactory loggers, EngineLogging? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        var metrics = new EngineMetrics(host, registry);
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var allocated = factory.CreateGauge("engine_gc_allocated_bytes", "Bytes allocated by the process since start (GC.GetTotalAllocatedBytes).");
        var logDropped = logging is null ? null : factory.CreateCounter("engine_log_events_dropped_total", "Log events dropped because the log ring was full (the caller never waits).");
        void Publish()
        {
            metrics.Publish();
            allocated.Set(GC.GetTotalAllocatedBytes());
            logDropped?.IncTo(logging!.DroppedCount);
        }
        Publish();
        var timer = new Timer(_ => Publish(), null, options.IntervalMs, options.IntervalMs);

        var app = EndpointApp.Create(options, loggers);
        app.MapGet("/metrics", async context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        });
        app.MapGet("/healthz", context => WriteHealth(context, HealthReport.Live(host, TimeSpan.FromSeconds(2))));
        app.MapGet("/readyz", context => WriteHealth(context, HealthReport.Ready(host)));
        string baseUrl = await EndpointApp.StartAsync(app);
        return new MetricsServer(app, timer) { BaseUrl = baseUrl };
    }

    private static async Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.StatusCode = report.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        await System.Text.Json.JsonSerializer.SerializeAsync(context.Response.Body, report, HealthJsonContext.Default.HealthReport, context.RequestAborted);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
