using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Engine.Admin;
using Engine.Backtest;
using Engine.Book;
using Engine.Config;
using Engine.Logging;
using Engine.Metrics;
using Engine.Ring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engine.Host;

/// <summary>
/// The engine as a hosted service of Microsoft.Extensions.Hosting: starts the composed engine, its
/// admin and metrics endpoints, prints the status line, pings the systemd watchdog while the loop
/// advances, reloads on SIGHUP, and on stop (SIGTERM, SIGINT, <c>--duration-s</c>, a faulted loop)
/// runs the ordered stop and prints the summary. Its <see cref="ExitCode"/> is the process's.
/// </summary>
/// <remarks>
/// READY=1 and STOPPING=1 come from the host's <c>SystemdLifetime</c> (after every service started,
/// when the stop begins); WATCHDOG=1 from here. Host threads only; never the loop.
/// </remarks>
public sealed class EngineService : BackgroundService
{
    /// <summary>How often the service looks whether the run is over or the loop has faulted.</summary>
    private static readonly TimeSpan s_checkEvery = TimeSpan.FromMilliseconds(200);

    private readonly EngineHost _engine;
    private readonly EngineOptions _options;
    private readonly ConfigSources _sources;
    private readonly int _durationSeconds;
    private readonly EngineLogging _logging;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ServiceNotifier _watchdog = new();
    private readonly Stopwatch _started = new();
    private LatencyWindow? _tickToTrade;
    private ConfigReloader? _reloader;
    private PosixSignalRegistration? _sighup;
    private PosixSignalRegistration? _sigint;
    private AdminEndpoint? _admin;
    private MetricsServer? _metrics;

    /// <summary>Runs <paramref name="engine"/>, built from <paramref name="options"/> read from <paramref name="sources"/>, logging through <paramref name="logging"/>.</summary>
    public EngineService(EngineHost engine, EngineOptions options, ConfigSources sources, int durationSeconds, EngineLogging logging, IHostApplicationLifetime lifetime)
    {
        _engine = engine;
        _options = options;
        _sources = sources;
        _durationSeconds = durationSeconds;
        _logging = logging;
        _loggers = logging.Factory;
        _log = _loggers.CreateLogger("Engine");
        _lifetime = lifetime;
    }

    /// <summary>0 after a clean stop; 2 when the loop faulted or did not drain in time.</summary>
    public int ExitCode { get; private set; }

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        GCSettings.LatencyMode = _options.Pipeline.GcLatencyMode;
        if (GCSettings.LatencyMode != _options.Pipeline.GcLatencyMode)
        {
            // SustainedLowLatency needs concurrent GC (System.GC.Concurrent, DOTNET_gcConcurrent).
            HostLog.GcLatencyModeRefused(_log, _options.Pipeline.GcLatencyMode, GCSettings.LatencyMode);
        }
        _reloader = new ConfigReloader(_sources, _options, _engine, _log, _logging);
        _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true; // SIGHUP reloads; it never ends the process
            _reloader.Reload();
        });
        // The systemd lifetime handles SIGTERM only; Ctrl+C stops in order too.
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            _lifetime.StopApplication();
        });
        // Logged once the handlers are in place: a SIGHUP sent on seeing this line reloads instead of
        // ending the process (the default action while no handler is registered).
        HostLog.Starting(_log, _options);
        // The endpoints bind before anything runs: a port in use stops the start with nothing to undo but them.
        _admin = await StartAdminAsync(cancellationToken);
        try
        {
            if (_options.Metrics.Enabled)
            {
                _metrics = await MetricsServer.StartAsync(_options.Metrics, _engine, _loggers, _logging);
                HostLog.MetricsOn(_log, _metrics.BaseUrl);
            }
        }
        catch
        {
            if (_admin is not null)
            {
                await _admin.DisposeAsync();
            }
            throw;
        }
        try
        {
            if (EngineWarmUp.Run(_options) is { } warmUp)
            {
                HostLog.WarmedUp(_log, warmUp.Events, warmUp.Orders, warmUp.Fills, (long)warmUp.Elapsed.TotalMilliseconds);
            }
        }
        catch (BacktestException exception)
        {
            // The copy halted on a handler's fault (pipeline.faultPolicy: LogAndHalt): the engine itself starts clean.
            HostLog.WarmUpHalted(_log, exception.Message);
        }
        _started.Start();
        _tickToTrade = new LatencyWindow(_engine.Router.TickToOrder);
        _engine.Start();
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var deadline = _durationSeconds > 0 ? TimeSpan.FromSeconds(_durationSeconds) : TimeSpan.MaxValue;
        var interval = TimeSpan.FromMilliseconds(_options.StatusIntervalMs > 0 ? _options.StatusIntervalMs : 200);
        // The run's end and a faulted loop are seen within a check, however long the status interval
        // (production's 10 s made --duration-s 3 run 10 s); the rest happens once an interval.
        var check = interval < s_checkEvery ? interval : s_checkEvery;
        using var timer = new PeriodicTimer(check);
        var last = _engine.Status();
        var lastAt = _started.Elapsed;
        var lastBookErrors = BookErrorCounts.Read(_engine.Books);
        long lastUnanswered = 0;
        long lastFillsRefused = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken) && _engine.LoopState == ProcessorState.Running && _started.Elapsed < deadline)
            {
                if (_started.Elapsed - lastAt < interval - (check / 2))
                {
                    continue;
                }
                _watchdog.Alive(_engine, TimeSpan.FromSeconds(1));
                lastBookErrors = LogBookErrors(lastBookErrors);
                var router = _engine.Router.Snapshot;
                lastUnanswered = LogRise(lastUnanswered, router.Unanswered, (count, total) => HostLog.Unanswered(_log, count, _options.Orders.AckTimeoutMs, total));
                lastFillsRefused = LogRise(lastFillsRefused, router.FillsRefusedByPositions, (count, total) => HostLog.FillsRefused(_log, count, total));
                var now = _engine.Status();
                var nowAt = _started.Elapsed;
                if (_options.StatusIntervalMs > 0)
                {
                    Console.WriteLine(StatusLine(now, last, nowAt, lastAt));
                }
                last = now;
                lastAt = nowAt;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return; // the host is stopping: StopAsync runs the ordered stop
        }
        _lifetime.StopApplication(); // duration reached or the loop faulted
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        bool faulted = _engine.LoopState == ProcessorState.Faulted;
        HostLog.Stopping(_log);
        bool drained = _engine.Stop();
        Console.WriteLine(Summary(drained));
        ExitCode = faulted || !drained ? 2 : 0;
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }
        if (_metrics is not null)
        {
            await _metrics.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _sighup?.Dispose();
        _sigint?.Dispose();
        base.Dispose();
    }

    /// <summary>Logs what a count the loop keeps (and never logs) rose by since <paramref name="last"/>; returns the new count.</summary>
    private static long LogRise(long last, long now, Action<long, long> log)
    {
        if (now > last)
        {
            log(now - last, now);
        }
        return now;
    }

    /// <summary>Logs the book errors since <paramref name="last"/>, once a check, when there are any (the loop only counts them); returns the new reading.</summary>
    private BookErrorCounts LogBookErrors(BookErrorCounts last)
    {
        var now = BookErrorCounts.Read(_engine.Books);
        var rise = now.Since(last);
        if (rise.Total > 0)
        {
            HostLog.BookErrors(_log, rise.Total, rise.Describe());
        }
        return now;
    }

    private string StatusLine(EngineStatus now, EngineStatus last, TimeSpan nowAt, TimeSpan lastAt)
    {
        var risk = _engine.Risk.Snapshot;
        var router = _engine.Router.Snapshot;
        double rate = (now.EventsProcessed - last.EventsProcessed) / (nowAt - lastAt).TotalSeconds;
        _tickToTrade!.Advance();
        return string.Create(CultureInfo.InvariantCulture,
            $"status t={nowAt.TotalSeconds:F0}s events/s={rate:N0} processed={now.EventsProcessed:N0} ring={now.RingOccupancy}/{now.RingSlots} ({100.0 * now.RingOccupancy / now.RingSlots:F1}%) backpressure={now.ClaimWaits} faults={now.HandlerFaults} max_delay_us={now.MaxDelayNs / 1000.0:F1} orders={router.Sent} fills={router.Fills} pnl_day=${risk.DailyPnlCents / 100.0:F2} tick_to_trade_p99_us={P99Micros(_tickToTrade)} trading={risk.TradingState} breaker={risk.BreakerState} approved={risk.Approved} rejected={risk.Rejected} venue_ready={_engine.VenueReady}");
    }

    /// <summary>The window's p99 in microseconds (the upper bound of its bucket), or "-" without orders in it.</summary>
    private static string P99Micros(LatencyWindow window) =>
        window.Total == 0 ? "-" : (window.PercentileNs(0.99) / 1000.0).ToString("F1", CultureInfo.InvariantCulture);

    private string Summary(bool drained)
    {
        var final = _engine.Status();
        var risk = _engine.Risk.Snapshot;
        double seconds = _started.Elapsed.TotalSeconds;
        var run = new LatencyWindow(_engine.Router.TickToOrder);
        run.Advance(); // the first advance takes everything recorded since start
        var router = _engine.Router.Snapshot;
        return string.Create(CultureInfo.InvariantCulture,
            $"summary run_s={seconds:F1} published={final.EventsPublished:N0} processed={final.EventsProcessed:N0} avg_events/s={final.EventsProcessed / seconds:N0} lost={final.EventsPublished - final.EventsProcessed} backpressure={final.ClaimWaits} faults={final.HandlerFaults} pinned={final.LoopPinned} drained={drained} loop={_engine.LoopState} book_errors={_engine.Books.ErrorTotal()} trading={risk.TradingState} breaker_trips={_engine.Risk.Breaker.TripsToday} orders={router.Sent} fills={router.Fills} pnl_day=${risk.DailyPnlCents / 100.0:F2} tick_to_trade_p99_us={P99Micros(run)} risk_rejects={risk.Rejected}");
    }

    // The admin endpoint runs only with a token from the environment; without one it stays off and says so.
    private async Task<AdminEndpoint?> StartAdminAsync(CancellationToken cancellationToken)
    {
        if (!_options.Admin.Enabled)
        {
            return null;
        }
        string? token = Environment.GetEnvironmentVariable(AdminOptions.TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            HostLog.AdminOff(_log, AdminOptions.TokenVariable);
            return null;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var service = new AdminService(_engine, _engine.Instruments, _engine.Admin, TimeSpan.FromMilliseconds(_options.Admin.AnswerTimeoutMs), _reloader!.Reload);
        var endpoint = await AdminEndpoint.StartAsync(_options.Admin, token, service, _loggers);
        HostLog.AdminOn(_log, endpoint.BaseUrl);
        return endpoint;
    }
}
