using Engine.Admin;
using Engine.Venues.Alpaca;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Engine.Logging;

/// <summary>
/// The engine's structured log: the <see cref="ILoggerFactory"/> every component logs through, the
/// run-time level switch (SIGHUP) and the dropped-event count. Built once at start-up by
/// <see cref="Create"/>; disposing it drains the log ring and flushes the output.
/// </summary>
/// <example>
/// <code>
/// using var logging = EngineLogging.Create(options.Logging, Console.Out);
/// var host = new EngineHost(options, logging.Factory);
/// // on SIGHUP, with the reloaded and validated options:
/// logging.ApplyLevels(reloaded.Logging);
/// // in the metrics publisher:
/// dropped.IncTo(logging.DroppedCount);
/// </code>
/// </example>
public sealed class EngineLogging : IDisposable
{
    /// <summary>The environment variables (or systemd credentials) whose values never appear in the log.</summary>
    public static readonly IReadOnlyList<string> SecretVariables =
        [AlpacaTradingOptions.KeyIdVariable, AlpacaTradingOptions.SecretKeyVariable, AdminOptions.TokenVariable];

    /// <summary>How long <see cref="Dispose"/> waits for the writer to drain the ring.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly RingLoggerProvider _provider;
    private readonly ILoggerFactory _factory;

    private EngineLogging(RingLoggerProvider provider)
    {
        _provider = provider;
        // Every level reaches the provider, which applies the configured table (and can change it at run time).
        _factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
    }

    /// <summary>
    /// Starts the log writer thread for <paramref name="options"/> (validated): lines go to
    /// <c>logging.file.path</c>, or to <paramref name="stdout"/> when it is empty. The values of
    /// <see cref="SecretVariables"/> are read once, here, for redaction.
    /// </summary>
    /// <param name="options">The validated <c>logging</c> section.</param>
    /// <param name="stdout">Where lines go without a file (not owned: flushed, never closed).</param>
    /// <param name="lookup">Reads a variable; the process environment when null (tests pass their own).</param>
    /// <param name="time">The clock of the timestamps; the system clock when null.</param>
    public static EngineLogging Create(LoggingOptions options, TextWriter stdout, Func<string, string?>? lookup = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        var secrets = new List<string?>(SecretVariables.Count);
        foreach (var variable in SecretVariables)
        {
            secrets.Add(ApiCredentials.ValueOf(variable, lookup));
        }
        ILogOutput output = options.File.Path.Length == 0 ? new TextWriterLogOutput(stdout) : new RotatingFileLogOutput(options.File);
        ILogFormatter formatter = options.Format == LogFormat.Text ? new TextLogFormatter() : new JsonLogFormatter();
        var writer = new LogWriter(formatter, output, new SecretRedactor(secrets, "***"));
        return new EngineLogging(new RingLoggerProvider(options.QueueSlots, new LogLevelTable(options), writer, time ?? TimeProvider.System, DrainTimeout));
    }

    /// <summary>The factory every component's loggers come from.</summary>
    public ILoggerFactory Factory => _factory;

    /// <summary>
    /// The provider behind <see cref="Factory"/>, for a generic host's logging builder:
    /// <c>builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logging.Provider)</c>
    /// (Trace, so that every event reaches the provider's own level table). Disposed by this object, not by the host.
    /// </summary>
    public ILoggerProvider Provider => _provider;

    /// <summary>Log events dropped because the log ring was full (publish as <c>engine_log_events_dropped_total</c>).</summary>
    /// <remarks>Any thread; a volatile read.</remarks>
    public long DroppedCount => _provider.DroppedCount;

    /// <summary>Log events the writer could not format or write (a throwing formatter, an I/O error).</summary>
    public long FailureCount => _provider.FailureCount;

    /// <summary>
    /// Applies <paramref name="options"/>' <c>minimumLevel</c> and <c>levels</c> (already validated) to
    /// every logger, existing and future; format and file changes wait for a restart.
    /// </summary>
    /// <remarks>Control thread (the SIGHUP reload). Builds a new immutable table and swaps the reference: loggers never lock.</remarks>
    public void ApplyLevels(LoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _provider.SetLevels(new LogLevelTable(options));
    }

    /// <summary>Stops taking events, drains the ring and flushes the output, waiting at most <see cref="DrainTimeout"/>.</summary>
    public void Dispose()
    {
        _factory.Dispose();
        _provider.Dispose();
    }
}
