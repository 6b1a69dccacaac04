using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Engine.Config;
using Engine.Admin;
using Engine.Host;
using Engine.Metrics;
using Engine.Replay;
using Engine.Ring;
using Microsoft.Extensions.Logging;

if (args.Length > 0 && args[0] == "replay")
{
    return ReplayCommand.Run(args[1..], Console.Out, Console.Error);
}

var commandLine = CommandLine.Parse(args, out string? usageError);
if (commandLine is null)
{
    Console.Error.WriteLine(usageError);
    return 64;
}

EngineOptions options;
ConfigSources sources;
try
{
    sources = ConfigSources.Resolve(commandLine.ConfigPath, commandLine.Environment, Environment.GetEnvironmentVariables());
    options = ConfigLoader.Load(sources);
}
catch (ConfigException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
if (commandLine.Command == "check-config")
{
    Console.WriteLine($"{sources.Describe()}: configuration is valid");
    return 0;
}

using var loggers = LoggerFactory.Create(builder => builder
    .SetMinimumLevel(LogLevel.Information)
    .AddSimpleConsole(console =>
    {
        console.SingleLine = true;
        console.TimestampFormat = "HH:mm:ss.fff ";
    }));
var log = loggers.CreateLogger("Engine");

using var stopRequested = new ManualResetEventSlim();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true; // we stop in order ourselves
    stopRequested.Set();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

EngineHost created;
try
{
    created = new EngineHost(options, loggers);
}
catch (InvalidOperationException exception) when (options.Venues.Kind == Engine.Venues.VenueKind.Alpaca)
{
    // Missing or blank Alpaca credentials: the message names the variables, never a value.
    Console.Error.WriteLine(exception.Message);
    return 1;
}
using var engine = created;
var reloader = new ConfigReloader(sources, options, engine, log);
using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
{
    context.Cancel = true; // SIGHUP reloads; it never ends the process
    reloader.Reload();
});
HostLog.Starting(log, options);
var started = Stopwatch.StartNew();
engine.Start();
await using var admin = await StartAdminAsync(options.Admin, engine, loggers, log);
await using var metrics = options.Metrics.Enabled ? await MetricsServer.StartAsync(options.Metrics, engine, loggers) : null;
if (metrics is not null)
{
    HostLog.MetricsOn(log, metrics.BaseUrl);
}
var service = new ServiceNotifier();
service.Ready();

var deadline = commandLine.DurationSeconds > 0 ? TimeSpan.FromSeconds(commandLine.DurationSeconds) : Timeout.InfiniteTimeSpan;
var interval = options.StatusIntervalMs > 0 ? TimeSpan.FromMilliseconds(options.StatusIntervalMs) : TimeSpan.FromMilliseconds(200);
var last = engine.Status();
var lastAt = started.Elapsed;
while (!stopRequested.Wait(interval) && engine.LoopState == ProcessorState.Running && (deadline == Timeout.InfiniteTimeSpan || started.Elapsed < deadline))
{
    service.Alive(engine, TimeSpan.FromSeconds(1));
    var now = engine.Status();
    var risk = engine.Risk.Snapshot;
    var nowAt = started.Elapsed;
    if (options.StatusIntervalMs > 0)
    {
        double rate = (now.EventsProcessed - last.EventsProcessed) / (nowAt - lastAt).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"status t={nowAt.TotalSeconds:F0}s events/s={rate:N0} processed={now.EventsProcessed:N0} ring={now.RingOccupancy}/{now.RingSlots} ({100.0 * now.RingOccupancy / now.RingSlots:F1}%) backpressure={now.ClaimWaits} faults={now.HandlerFaults} max_delay_us={now.MaxDelayNs / 1000.0:F1} orders={engine.Router.Snapshot.Sent} fills={engine.Router.Snapshot.Fills} trading={risk.TradingState} breaker={risk.BreakerState} pnl_day=${risk.DailyPnlCents / 100.0:F2} approved={risk.Approved} rejected={risk.Rejected} venue_ready={engine.VenueReady}"));
    }
    last = now;
    lastAt = nowAt;
}

bool faulted = engine.LoopState == ProcessorState.Faulted;
service.Stopping();
HostLog.Stopping(log);
bool drained = engine.Stop();
var final = engine.Status();
double seconds = started.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"summary run_s={seconds:F1} published={final.EventsPublished:N0} processed={final.EventsProcessed:N0} avg_events/s={final.EventsProcessed / seconds:N0} lost={final.EventsPublished - final.EventsProcessed} backpressure={final.ClaimWaits} faults={final.HandlerFaults} pinned={final.LoopPinned} drained={drained} loop={engine.LoopState} book_errors={engine.Books.ErrorTotal()} trading={engine.Risk.Snapshot.TradingState} breaker_trips={engine.Risk.Breaker.TripsToday} pnl_day=${engine.Risk.Snapshot.DailyPnlCents / 100.0:F2} risk_rejects={engine.Risk.Snapshot.Rejected}"));
return faulted || !drained ? 2 : 0;

// The admin endpoint runs only with a token from the environment; without one it stays off and says so.
static async Task<AdminEndpoint?> StartAdminAsync(AdminOptions options, EngineHost engine, ILoggerFactory loggers, ILogger log)
{
    string? token = Environment.GetEnvironmentVariable(AdminOptions.TokenVariable);
    if (!options.Enabled)
    {
        return null;
    }
    if (string.IsNullOrWhiteSpace(token))
    {
        HostLog.AdminOff(log, AdminOptions.TokenVariable);
        return null;
    }
    var service = new AdminService(engine, engine.Instruments, engine.Admin, TimeSpan.FromMilliseconds(options.AnswerTimeoutMs));
    var endpoint = await AdminEndpoint.StartAsync(options, token, service, loggers);
    HostLog.AdminOn(log, endpoint.BaseUrl);
    return endpoint;
}
