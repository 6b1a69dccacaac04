using Engine.Backtest;
using Engine.Config;
using Engine.Host;
using Engine.Logging;
using Engine.Replay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

if (args.Length > 0 && args[0] == "replay")
{
    return ReplayCommand.Run(args[1..], Console.Out, Console.Error);
}
if (args.Length > 0 && args[0] == "backtest")
{
    return BacktestCommand.Run(args[1..], Console.Out, Console.Error);
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

// Declared first, disposed last: the writer thread drains the stop's last lines.
using var logging = EngineLogging.Create(options.Logging, Console.Out);
var loggers = logging.Factory;

EngineHost created;
try
{
    created = new EngineHost(options, loggers);
}
catch (ConfigException exception)
{
    // A problem only start-up can see: feeds.replay's file, its instruments against the books and risk.
    Console.Error.WriteLine(exception.Message);
    return 1;
}
catch (InvalidOperationException exception) when (options.Venues.Kind == Engine.Venues.VenueKind.Alpaca || options.Feeds.Alpaca.Enabled)
{
    // Missing or blank Alpaca credentials: the message names the variables, never a value.
    Console.Error.WriteLine(exception.Message);
    return 1;
}
using var engine = created;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = true });
builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logging.Provider);
builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
// The ordered stop is bounded by pipeline.shutdownTimeoutMs; the host waits a little longer.
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMilliseconds(options.Pipeline.ShutdownTimeoutMs) + TimeSpan.FromSeconds(5));
var notifier = new SystemdNotifier();
if (notifier.IsEnabled)
{
    // Under systemd (Type=notify): READY=1 once started, STOPPING=1 when the stop begins, SIGTERM stops.
    builder.Services.AddSingleton<ISystemdNotifier>(notifier);
    builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
}
builder.Services.AddSingleton(services => new EngineService(engine, options, sources, commandLine.DurationSeconds, logging, services.GetRequiredService<IHostApplicationLifetime>()));
builder.Services.AddHostedService(services => services.GetRequiredService<EngineService>());

using var host = builder.Build();
var service = host.Services.GetRequiredService<EngineService>();
try
{
    await host.RunAsync();
}
catch (IOException exception)
{
    // An endpoint could not bind (address in use, not an address of this machine): nothing was started.
    Console.Error.WriteLine($"cannot start: {exception.Message} (metrics.address/port, admin.address/port)");
    return 1;
}
return service.ExitCode;
