using Engine.Pipeline;
using Feeds;
using Feeds.Instruments;
using Feeds.Kraken;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Engine.MarketData;

/// <summary>
/// The Kraken book feed as the engine runs it: a <see cref="KrakenStreamSession"/> on a
/// <see cref="WebSocketTransport"/>, publishing through its own <see cref="RingMarketDataSink"/>
/// into the inbound ring, and reporting to its <see cref="FeedHealth"/> (<c>kraken</c>).
/// </summary>
/// <remarks>
/// Built, started and stopped by the host on the control thread; the transport's I/O callbacks are
/// the producer. The pairs must already be in the instrument table (the host adds them), so the
/// decoder never adds one while other threads read the table.
/// </remarks>
internal sealed class KrakenFeed : IAsyncDisposable
{
    /// <summary>The feed's name: the <c>feed</c> label of its metrics and its readiness component.</summary>
    public const string Name = "kraken";

    private readonly WebSocketTransport _transport;

    /// <summary>Wires the feed; nothing connects before <see cref="Start"/>. Throws <see cref="ArgumentException"/> on invalid options.</summary>
    public KrakenFeed(KrakenFeedOptions options, InstrumentTable instruments, RingMarketDataSink sink, ILoggerFactory loggers)
    {
        Sink = sink;
        var logger = loggers.CreateLogger("Feeds.Kraken");
        Session = new KrakenStreamSession(options, instruments, sink, logger, health: Health);
        _transport = new WebSocketTransport(options.Url, options.Transport, Session, logger, name: Name);
    }

    /// <summary>The feed's health, read by metrics and readiness.</summary>
    public FeedHealth Health { get; } = new(Name);

    /// <summary>The session, for its counters (its decoder's only once stopped).</summary>
    public KrakenStreamSession Session { get; }

    /// <summary>The sink, for the count of events published.</summary>
    public RingMarketDataSink Sink { get; }

    /// <summary>Starts connecting in the background.</summary>
    public void Start() => _transport.Start();

    /// <summary>Closes the connection (its books are published invalid) and waits at most <paramref name="timeout"/> for the transport to end; false if it did not.</summary>
    public bool Stop(TimeSpan timeout) => _transport.StopAsync().Wait(timeout);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _transport.DisposeAsync();
}
