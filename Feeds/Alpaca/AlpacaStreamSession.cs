using System.Diagnostics;
using Feeds.Instruments;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Feeds.Alpaca;

/// <summary>
/// The Alpaca market data v2 stream as an <see cref="IWebSocketProtocol"/>: on every connection
/// it waits for the welcome, authenticates, subscribes, then decodes the data into the sink; it
/// answers the server's error codes as <see cref="AlpacaErrorPolicy"/> says.
/// </summary>
/// <remarks>
/// <para>Feed status: once a subscription is confirmed it publishes <see cref="FeedStatus.Connected"/>
/// for every instrument it streams trades or quotes of; when that connection ends it publishes
/// <see cref="FeedStatus.Stale"/> (the stale timer fired) or <see cref="FeedStatus.Disconnected"/>
/// for the same instruments, so their books are invalid until the next connection's data arrives.
/// A <c>*</c> subscription covers every instrument of the table.</para>
/// <para>With a <see cref="FeedHealth"/> the session reports to it: connected from the confirmed
/// subscription until the connection ends, stale when the stale timer ended it, every message, and
/// every object or frame the decoder rejected as a decode error.</para>
/// <para>Runs on the transport's I/O callbacks, one at a time. State and counters may be read from any thread.</para>
/// <example><code>
/// var credentials = ApiCredentials.FromEnvironment(options.KeyIdVariable, options.SecretKeyVariable);
/// var session = new AlpacaStreamSession(options, credentials, instruments, sink, logger);
/// await using var transport = new WebSocketTransport(options.Url, options.Transport, session, logger, name: "alpaca");
/// transport.Start();
/// </code></example>
/// </remarks>
public sealed class AlpacaStreamSession : IWebSocketProtocol
{
    private readonly AlpacaStreamOptions _options;
    private readonly InstrumentTable _instruments;
    private readonly IMarketDataSink _sink;
    private readonly ILogger _logger;
    private readonly byte[] _authRequest;
    private readonly byte[] _subscribeRequest;
    private readonly bool[] _statusSent;
    private readonly bool _streamsEveryInstrument;
    private readonly FeedHealth? _health;
    private int _state;
    private bool _streamedOnThisConnection;
    private int _lastErrorCode;
    private long _subscribeRequests;

    /// <summary>Creates the session. Throws <see cref="ArgumentException"/> on invalid options or an empty subscription.</summary>
    /// <param name="options">Validated here.</param>
    /// <param name="credentials">The key id and secret sent in the authentication message.</param>
    /// <param name="instruments">Symbols map to ids here; a symbol not in it is rejected, never added.</param>
    /// <param name="sink">Receives the decoder's events and feed statuses, on the feed's I/O thread.</param>
    /// <param name="logger">The session's log.</param>
    /// <param name="bars">Receives minute and daily bars; null: they are counted and dropped.</param>
    /// <param name="health">Where the session reports the feed's health; null for nowhere.</param>
    public AlpacaStreamSession(AlpacaStreamOptions options, ApiCredentials credentials, InstrumentTable instruments, IMarketDataSink sink,
        ILogger logger, IAlpacaBarSink? bars = null, FeedHealth? health = null)
    {
        var problems = new List<string>();
        options.Validate("alpaca", problems);
        if (!options.SubscribesToAnything())
        {
            problems.Add("alpaca: subscribes to nothing; list symbols under trades, quotes, bars, dailyBars or statuses");
        }
        if (problems.Count != 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }
        _options = options;
        _instruments = instruments;
        _sink = sink;
        _logger = logger;
        _health = health;
        _authRequest = AlpacaRequestWriter.Auth(credentials);
        _subscribeRequest = AlpacaRequestWriter.Subscribe(options);
        _statusSent = new bool[instruments.Capacity];
        _streamsEveryInstrument = options.Trades.Contains("*") || options.Quotes.Contains("*");
        Decoder = new AlpacaMessageDecoder(instruments, sink, bars);
    }

    /// <summary>The decoder, for its counters.</summary>
    public AlpacaMessageDecoder Decoder { get; }

    /// <summary>Where the handshake is.</summary>
    public AlpacaSessionState State => (AlpacaSessionState)Volatile.Read(ref _state);

    /// <summary>The last error code the server sent; 0 before any.</summary>
    public int LastErrorCode => Volatile.Read(ref _lastErrorCode);

    /// <summary>Subscribe requests sent: one per connection that authenticated (the first, then each resubscribe).</summary>
    public long SubscribeRequests => Volatile.Read(ref _subscribeRequests);

    /// <inheritdoc />
    public void OnConnected(IWebSocketConnection connection)
    {
        _streamedOnThisConnection = false;
        SetState(AlpacaSessionState.AwaitingWelcome);
    }

    /// <inheritdoc />
    public void OnMessage(IWebSocketConnection connection, ReadOnlySpan<byte> message, long tsRecvTicks)
    {
        var result = Decoder.Decode(message, tsRecvTicks);
        _health?.OnMessages(1, tsRecvTicks);
        int rejected = result.Rejected + (result.Malformed ? 1 : 0);
        if (rejected > 0)
        {
            _health?.OnDecodeErrors(rejected);
        }
        switch (result.Control)
        {
            case AlpacaControlKind.Connected when State == AlpacaSessionState.AwaitingWelcome:
                AlpacaLog.Authenticating(_logger);
                Send(connection, _authRequest, AlpacaSessionState.Authenticating);
                break;
            case AlpacaControlKind.Authenticated when State == AlpacaSessionState.Authenticating:
                AlpacaLog.Subscribing(_logger);
                Interlocked.Increment(ref _subscribeRequests);
                Send(connection, _subscribeRequest, AlpacaSessionState.Subscribing);
                break;
            case AlpacaControlKind.Subscription when State == AlpacaSessionState.Subscribing:
                SetState(AlpacaSessionState.Streaming);
                _streamedOnThisConnection = true;
                connection.MarkEstablished();
                _health?.OnConnected();
                AlpacaLog.Streaming(_logger);
                PublishFeedStatus(FeedStatus.Connected, tsRecvTicks);
                break;
            case AlpacaControlKind.Subscription:
                // The answer to a later (un)subscribe: the whole list again; nothing to do.
                break;
            case AlpacaControlKind.Error:
                OnError(connection, result.ErrorCode);
                break;
            case AlpacaControlKind.None:
                break;
            default:
                AlpacaLog.OutOfTurn(_logger, result.Control, State);
                break;
        }
    }

    /// <inheritdoc />
    public void OnDisconnected(DisconnectReason reason)
    {
        _health?.OnDisconnected(stale: reason == DisconnectReason.Stale);
        // Also after a fatal error: the state is Failed by then, but the books were fed by this connection.
        if (_streamedOnThisConnection)
        {
            _streamedOnThisConnection = false;
            PublishFeedStatus(reason == DisconnectReason.Stale ? FeedStatus.Stale : FeedStatus.Disconnected, Stopwatch.GetTimestamp());
        }
        if (State != AlpacaSessionState.Failed)
        {
            SetState(AlpacaSessionState.Disconnected);
        }
    }

    private void OnError(IWebSocketConnection connection, int code)
    {
        Volatile.Write(ref _lastErrorCode, code);
        var action = AlpacaErrorPolicy.ActionFor(code);
        AlpacaLog.ServerError(_logger, code, (AlpacaErrorCode)code, action);
        switch (action)
        {
            case AlpacaErrorAction.Stop:
                SetState(AlpacaSessionState.Failed);
                connection.CloseAndStop();
                break;
            case AlpacaErrorAction.Reconnect:
                connection.CloseAndReconnect();
                break;
            default:
                break;
        }
    }

    private void Send(IWebSocketConnection connection, byte[] request, AlpacaSessionState next)
    {
        if (connection.SendText(request))
        {
            SetState(next);
            return;
        }
        AlpacaLog.SendFailed(_logger);
        connection.CloseAndReconnect();
    }

    /// <summary>One feed-status event per streamed instrument (trades or quotes), each instrument once.</summary>
    private void PublishFeedStatus(FeedStatus status, long tsRecvTicks)
    {
        Array.Clear(_statusSent);
        var e = default(MarketDataEvent);
        e.Kind = MarketDataKind.FeedStatus;
        e.Status = (byte)status;
        e.TsRecvNs = tsRecvTicks;
        e.EndOfMessage = true;
        if (_streamsEveryInstrument)
        {
            for (int id = 0; id < _instruments.Count; id++)
            {
                e.InstrumentId = id;
                _sink.Publish(in e);
            }
            return;
        }
        PublishFeedStatus(_options.Trades, ref e);
        PublishFeedStatus(_options.Quotes, ref e);
    }

    private void PublishFeedStatus(IReadOnlyList<string> symbols, ref MarketDataEvent e)
    {
        foreach (string symbol in symbols)
        {
            if (_instruments.TryGetId(symbol, out int id) && id < _statusSent.Length && !_statusSent[id])
            {
                _statusSent[id] = true;
                e.InstrumentId = id;
                _sink.Publish(in e);
            }
        }
    }

    private void SetState(AlpacaSessionState state) => Volatile.Write(ref _state, (int)state);
}
