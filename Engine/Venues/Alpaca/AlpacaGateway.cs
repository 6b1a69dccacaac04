using Feeds.Instruments;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Engine.Venues.Alpaca;

/// <summary>
/// The Alpaca venue's parts, built once from validated options: the REST client, the order ledger
/// and its report queue, the trade_updates stream and its transport, the reconciler and the gateway
/// thread's <see cref="AlpacaVenueHandler"/>.
/// </summary>
/// <remarks>
/// Host thread. Start order: <see cref="Start"/> reconciles at start-up (before the stream can
/// report anything, so the ledger knows the venue's orders first), then starts the stream; the
/// gateway thread (a <see cref="VenueThread"/> over <see cref="Handler"/>) is started by the host.
/// </remarks>
public sealed class AlpacaGateway : IAsyncDisposable
{
    private readonly AlpacaRestClient _client;
    private readonly WebSocketTransport _transport;

    /// <summary>Builds the venue. Throws <see cref="Config.ConfigException"/> for bad options; the credentials are never logged.</summary>
    public AlpacaGateway(AlpacaTradingOptions options, ApiCredentials credentials, InstrumentTable instruments, ILoggerFactory loggers, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger("Engine.Venues.Alpaca");
        _client = new AlpacaRestClient(options, credentials, logger, time);
        // One trusted root (paper mode only, checked by the options) for the REST client and the stream.
        var streamOptions = options.Stream with
        {
            Url = options.EffectiveStreamUrl,
            Transport = options.Stream.Transport with { TrustedRootCertificatePath = options.TrustedRootCertificatePath },
        };
        Ledger = new AlpacaOrderLedger(streamOptions.MaxTrackedOrders, Reports, logger);
        var reconciler = new AlpacaReconciler(_client, Ledger, instruments, logger);
        Handler = new AlpacaVenueHandler(_client, reconciler, Ledger, Reports, instruments, logger, time);
        Stream = new AlpacaTradeUpdates(streamOptions, credentials, instruments, Ledger, logger);
        Stream.StateChanged += Handler.OnStreamStateChanged;
        _transport = new WebSocketTransport(streamOptions.Url, streamOptions.Transport, Stream, logger, time, name: "alpaca-trade-updates");
    }

    /// <summary>The gateway thread's handler.</summary>
    public AlpacaVenueHandler Handler { get; }

    /// <summary>The trade_updates stream (state and counters, any thread).</summary>
    public AlpacaTradeUpdates Stream { get; }

    /// <summary>The ledger every stream and reconcile report goes through.</summary>
    public AlpacaOrderLedger Ledger { get; }

    /// <summary>REST requests the rate limiter would let through now. Any thread.</summary>
    public long RatePermitsLeft => _client.RatePermitsLeft;

    /// <summary>Reports made off the gateway thread, waiting for it.</summary>
    public QueuedExecutionSink Reports { get; } = new();

    /// <summary>Reconciles at start-up, then starts the stream. False when the start-up reconciliation was incomplete (the gateway retries once the stream is up; orders are held meanwhile).</summary>
    public bool Start(CancellationToken cancellation)
    {
        bool reconciled = Handler.ReconcileAtStartUp(cancellation);
        _transport.Start();
        return reconciled;
    }

    /// <summary>Stops the stream and closes the REST client. Call after the gateway thread has stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
    }
}
