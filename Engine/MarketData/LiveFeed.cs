using Engine.Pipeline;
using Feeds;
using Feeds.Alpaca;
using Feeds.Instruments;
using Feeds.Kraken;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Engine.MarketData;

/// <summary>
/// A live WebSocket feed as the engine runs it: a stream session (Kraken's book feed or Alpaca's
/// market data v2 stream) on a <see cref="WebSocketTransport"/>, publishing through its own
/// <see cref="RingMarketDataSink"/> into the inbound ring, and reporting to its <see cref="FeedHealth"/>
/// (<c>kraken</c>, <c>alpaca</c>).
/// </summary>
/// <remarks>
/// Built, started and stopped by the host on the control thread; the transport's I/O callbacks are
/// the producer. The feed's symbols must already be in the instrument table (the host adds them),
/// so no decoder adds one while other threads read the table.
/// </remarks>
internal sealed class LiveFeed : IAsyncDisposable
{
    /// <summary>The Kraken feed's name: the <c>feed</c> label of its metrics and its readiness component.</summary>
    public const string KrakenName = "kraken";

    /// <summary>The Alpaca feed's name, as <see cref="KrakenName"/>.</summary>
    public const string AlpacaName = "alpaca";

    private readonly WebSocketTransport _transport;

    private LiveFeed(string name, string url, WebSocketTransportOptions transport, RingMarketDataSink sink, ILogger logger, Func<FeedHealth, IWebSocketProtocol> session)
    {
        Health = new FeedHealth(name);
        Sink = sink;
        _transport = new WebSocketTransport(url, transport, session(Health), logger, name: name);
    }

    /// <summary>The feed's health, read by metrics and readiness.</summary>
    public FeedHealth Health { get; }

    /// <summary>The sink, for the count of events published.</summary>
    public RingMarketDataSink Sink { get; }

    /// <summary>Wires the Kraken book feed; nothing connects before <see cref="Start"/>. Throws <see cref="ArgumentException"/> on invalid options.</summary>
    public static LiveFeed Kraken(KrakenFeedOptions options, InstrumentTable instruments, RingMarketDataSink sink, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Feeds.Kraken");
        return new LiveFeed(KrakenName, options.Url, options.Transport, sink, logger,
            health => new KrakenStreamSession(options, instruments, sink, logger, health: health));
    }

    /// <summary>Wires the Alpaca market data stream (trades, quotes, statuses; no bars); nothing connects before <see cref="Start"/>. Throws <see cref="ArgumentException"/> on invalid options.</summary>
    public static LiveFeed Alpaca(AlpacaFeedOptions options, ApiCredentials credentials, InstrumentTable instruments, RingMarketDataSink sink, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Feeds.Alpaca");
        return new LiveFeed(AlpacaName, options.Url, options.Transport, sink, logger,
            health => new AlpacaStreamSession(options, credentials, instruments, sink, logger, bars: null, health));
    }

    /// <summary>Starts connecting in the background.</summary>
    public void Start() => _transport.Start();

    /// <summary>Closes the connection (its books are published invalid) and waits at most <paramref name="timeout"/> for the transport to end; false if it did not.</summary>
    public bool Stop(TimeSpan timeout) => _transport.StopAsync().Wait(timeout);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _transport.DisposeAsync();
}
