using System.Text;
using System.Text.Json;
using Engine.Orders;
using Feeds.Alpaca;
using Feeds.Instruments;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Engine.Venues.Alpaca;

/// <summary>
/// Alpaca's trade_updates WebSocket stream as an <see cref="IWebSocketProtocol"/>: on every
/// connection it authenticates, listens to <c>trade_updates</c>, and turns each order event into
/// <see cref="ExecutionReport"/>s through the shared <see cref="AlpacaOrderLedger"/>.
/// </summary>
/// <remarks>
/// <para>Frames may be text or binary (the paper endpoint sends binary); the transport hands over
/// the bytes of both. Each message is one JSON object, read by the source-generated
/// <see cref="TradeUpdatesJsonContext"/>; it allocates a little per message, which is fine on this
/// thread (order events are rare next to market data).</para>
/// <para>Up and down: the stream is up from the <c>listening</c> confirmation until its connection
/// ends. <see cref="IsUp"/> and <see cref="StateChanged"/> tell the gateway, which holds new orders
/// back while the stream is down and reconciles open orders over REST after each reconnect
/// (<see cref="AlpacaReconciler"/>). An <c>unauthorized</c> answer is counted and logged (never with
/// the credentials) and the connection replaced; the transport's backoff grows, since such a
/// connection never counts as established.</para>
/// <para>Bad input (not JSON, unknown streams, events or symbols, foreign orders, fractional
/// quantities) is counted per kind and logged the first time only; nothing throws.</para>
/// <para>Runs on the transport's I/O callbacks, one at a time; <see cref="StateChanged"/> is raised
/// there too, so its handlers must only take note (set a flag, queue the reconciliation), never
/// block. State and counters may be read from any thread.</para>
/// <example><code>
/// var ledger = new AlpacaOrderLedger(options.MaxTrackedOrders, executionSink, logger);
/// var updates = new AlpacaTradeUpdates(options, credentials, instruments, ledger, logger);
/// updates.StateChanged += (_, e) => gateway.OnStreamStateChanged(e);
/// await using var transport = new WebSocketTransport(options.Url, options.Transport, updates, logger, name: "alpaca-trade-updates");
/// transport.Start();
/// </code></example>
/// </remarks>
public sealed class AlpacaTradeUpdates : IWebSocketProtocol
{
    private const int MaxTimestampLength = 64;

    private readonly InstrumentTable _instruments;
    private readonly AlpacaOrderLedger _ledger;
    private readonly ILogger _logger;
    private readonly byte[] _authenticateRequest;
    private readonly byte[] _listenRequest = TradeUpdatesRequestWriter.ListenToTradeUpdates();
    private readonly long[] _events = new long[Enum.GetValues<AlpacaTradeEvent>().Length];
    private readonly long[] _problems = new long[Enum.GetValues<TradeUpdatesProblem>().Length];
    private int _problemsLogged;
    private int _state;
    private int _up;
    private long _upCount;
    private long _downCount;
    private long _unauthorized;
    private long _listenRefused;
    private long _messages;
    private long _pricesRounded;

    /// <summary>Creates the protocol. Throws <see cref="ArgumentException"/> listing every problem with <paramref name="options"/>.</summary>
    public AlpacaTradeUpdates(AlpacaTradeUpdatesOptions options, ApiCredentials credentials, InstrumentTable instruments, AlpacaOrderLedger ledger, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        var problems = new List<string>();
        options.Validate("venues.alpaca.stream", problems);
        if (problems.Count != 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }
        _instruments = instruments;
        _ledger = ledger;
        _logger = logger;
        _authenticateRequest = TradeUpdatesRequestWriter.Authenticate(credentials);
    }

    /// <summary>
    /// Raised on the stream's I/O thread when the stream comes up or goes down. Handlers must not
    /// block (no message is read meanwhile) and must not throw (the transport would count a
    /// protocol fault and replace the connection).
    /// </summary>
    public event EventHandler<AlpacaStreamStateChangedEventArgs>? StateChanged;

    /// <summary>Whether the stream is up: listening to trade_updates on a live connection.</summary>
    public bool IsUp => Volatile.Read(ref _up) != 0;

    /// <summary>Where the handshake is.</summary>
    public AlpacaTradeUpdatesState State => (AlpacaTradeUpdatesState)Volatile.Read(ref _state);

    /// <summary>Times the stream came up (1 after the first connection, +1 per reconnect).</summary>
    public long UpCount => Interlocked.Read(ref _upCount);

    /// <summary>Times the stream went down after being up.</summary>
    public long DownCount => Interlocked.Read(ref _downCount);

    /// <summary>Authentications the server refused.</summary>
    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    /// <summary>Listen requests not confirmed for trade_updates.</summary>
    public long ListenRefused => Interlocked.Read(ref _listenRefused);

    /// <summary>Messages received.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Fill prices with more decimals than the instrument's ticks, rounded to the nearest tick.</summary>
    public long PricesRounded => Interlocked.Read(ref _pricesRounded);

    /// <summary>trade_updates events of type <paramref name="tradeEvent"/> received (of ours and foreign, well-formed or not).</summary>
    public long EventsOf(AlpacaTradeEvent tradeEvent) => Interlocked.Read(ref _events[(int)tradeEvent]);

    /// <summary>Messages skipped for <paramref name="problem"/>.</summary>
    public long ProblemsOf(TradeUpdatesProblem problem) => Interlocked.Read(ref _problems[(int)problem]);

    /// <inheritdoc />
    public void OnConnected(IWebSocketConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        AlpacaGatewayLog.Authenticating(_logger);
        Send(connection, _authenticateRequest, AlpacaTradeUpdatesState.Authenticating);
    }

    /// <inheritdoc />
    public void OnMessage(IWebSocketConnection connection, ReadOnlySpan<byte> message, long tsRecvTicks)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Interlocked.Increment(ref _messages);
        TradeUpdatesMessage? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(message, TradeUpdatesJsonContext.Default.TradeUpdatesMessage);
        }
        catch (JsonException)
        {
            parsed = null;
        }
        if (parsed?.Data is not { } data)
        {
            Problem(TradeUpdatesProblem.Malformed, "not a JSON object with stream and data");
            return;
        }
        switch (parsed.Stream)
        {
            case "trade_updates":
                OnTradeUpdate(data);
                break;
            case "authorization":
                OnAuthorization(connection, data);
                break;
            case "listening":
                OnListening(connection, data);
                break;
            default:
                Problem(TradeUpdatesProblem.UnknownStream, "stream " + (parsed.Stream ?? "(none)"));
                break;
        }
    }

    /// <inheritdoc />
    public void OnDisconnected(DisconnectReason reason)
    {
        SetState(AlpacaTradeUpdatesState.Disconnected);
        if (Interlocked.Exchange(ref _up, 0) == 0)
        {
            return;
        }
        Interlocked.Increment(ref _downCount);
        AlpacaGatewayLog.StreamDown(_logger, reason);
        StateChanged?.Invoke(this, new AlpacaStreamStateChangedEventArgs(false, reason, UpCount));
    }

    private void OnAuthorization(IWebSocketConnection connection, TradeUpdatesData data)
    {
        if (State != AlpacaTradeUpdatesState.Authenticating && data.Status == "authorized")
        {
            Problem(TradeUpdatesProblem.OutOfTurn, "authorization in state " + State);
            return;
        }
        if (data.Status == "authorized")
        {
            AlpacaGatewayLog.Authorized(_logger);
            Send(connection, _listenRequest, AlpacaTradeUpdatesState.Listening);
            return;
        }
        // Unauthorized (or any other status): a new session with backoff; the message names no credential.
        long count = Interlocked.Increment(ref _unauthorized);
        AlpacaGatewayLog.Unauthorized(_logger, count);
        connection.CloseAndReconnect();
    }

    private void OnListening(IWebSocketConnection connection, TradeUpdatesData data)
    {
        if (State != AlpacaTradeUpdatesState.Listening)
        {
            // The answer to a repeated listen on a streaming connection changes nothing.
            if (State != AlpacaTradeUpdatesState.Streaming)
            {
                Problem(TradeUpdatesProblem.OutOfTurn, "listening in state " + State);
            }
            return;
        }
        if (data.Streams is null || !data.Streams.Contains("trade_updates"))
        {
            Interlocked.Increment(ref _listenRefused);
            AlpacaGatewayLog.ListenRefused(_logger);
            connection.CloseAndReconnect();
            return;
        }
        SetState(AlpacaTradeUpdatesState.Streaming);
        connection.MarkEstablished();
        long upCount = Interlocked.Increment(ref _upCount);
        Volatile.Write(ref _up, 1);
        AlpacaGatewayLog.StreamUp(_logger);
        StateChanged?.Invoke(this, new AlpacaStreamStateChangedEventArgs(true, DisconnectReason.Stopped, upCount));
    }

    private void OnTradeUpdate(TradeUpdatesData data)
    {
        var tradeEvent = AlpacaTradeEvents.Parse(data.Event);
        Interlocked.Increment(ref _events[(int)tradeEvent]);
        if (tradeEvent == AlpacaTradeEvent.Unknown)
        {
            Problem(TradeUpdatesProblem.UnknownEvent, "event " + (data.Event ?? "(none)"));
            return;
        }
        if (data.Order is null)
        {
            Problem(TradeUpdatesProblem.Malformed, "trade_updates " + data.Event + " without an order");
            return;
        }
        var parse = AlpacaOrderState.TryParse(data.Order, _instruments, out var order);
        if (parse != AlpacaOrderParse.Ok)
        {
            OrderProblem(parse, data.Order);
            return;
        }
        bool isFill = tradeEvent is AlpacaTradeEvent.Fill or AlpacaTradeEvent.PartialFill;
        long priceTicks = 0;
        long quantity = 0;
        if (isFill && !TryFillFields(data, order.PriceDecimals, out priceTicks, out quantity))
        {
            Problem(TradeUpdatesProblem.Malformed, data.Event + " with a bad price or qty");
            return;
        }
        long venueTsNs = 0;
        if (data.Timestamp is not null && !TryTimestamp(data.Timestamp, out venueTsNs))
        {
            Problem(TradeUpdatesProblem.Malformed, data.Event + " with a bad timestamp");
            return;
        }
        var statusKind = AlpacaTradeEvents.StatusKind(tradeEvent);
        var reject = statusKind switch
        {
            ExecutionKind.Rejected => VenueRejectReason.Other,
            ExecutionKind.CancelRejected => VenueRejectReason.NotCancelable,
            _ => VenueRejectReason.None,
        };
        _ledger.Apply(in order, statusKind, reject, priceTicks, quantity, venueTsNs);
    }

    /// <summary>A fill event's price and quantity; both optional (the ledger falls back to the order's average), but malformed when present and bad.</summary>
    private bool TryFillFields(TradeUpdatesData data, int decimals, out long priceTicks, out long quantity)
    {
        priceTicks = 0;
        quantity = 0;
        if (data.Price is not null)
        {
            if (!AlpacaDecimals.TryParseTicksRounded(data.Price, decimals, out priceTicks, out bool rounded) || priceTicks <= 0)
            {
                return false;
            }
            if (rounded)
            {
                Interlocked.Increment(ref _pricesRounded);
            }
        }
        return data.Qty is null || (AlpacaDecimals.TryParseQuantity(data.Qty, out quantity) && quantity > 0);
    }

    private static bool TryTimestamp(string text, out long unixNs)
    {
        unixNs = 0;
        if (text.Length > MaxTimestampLength)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[MaxTimestampLength * 3];
        int length = Encoding.UTF8.GetBytes(text, bytes);
        return Rfc3339.TryParseUnixNs(bytes[..length], out unixNs);
    }

    private void OrderProblem(AlpacaOrderParse parse, AlpacaOrder order)
    {
        switch (parse)
        {
            case AlpacaOrderParse.Foreign:
                Problem(TradeUpdatesProblem.Foreign, "client order id " + order.ClientOrderId + ", symbol " + order.Symbol);
                break;
            case AlpacaOrderParse.UnknownSymbol:
                Problem(TradeUpdatesProblem.UnknownSymbol, "symbol " + order.Symbol);
                break;
            case AlpacaOrderParse.FractionalQuantity:
                Problem(TradeUpdatesProblem.FractionalQuantity, "client order id " + order.ClientOrderId);
                break;
            default:
                Problem(TradeUpdatesProblem.Malformed, "order " + order.ClientOrderId + " with a missing or bad field");
                break;
        }
    }

    private void Problem(TradeUpdatesProblem problem, string detail)
    {
        Interlocked.Increment(ref _problems[(int)problem]);
        int bit = 1 << (int)problem;
        if ((_problemsLogged & bit) == 0)
        {
            _problemsLogged |= bit;
            AlpacaGatewayLog.FirstProblem(_logger, problem, detail);
        }
    }

    private void Send(IWebSocketConnection connection, byte[] request, AlpacaTradeUpdatesState next)
    {
        if (connection.SendText(request))
        {
            SetState(next);
            return;
        }
        AlpacaGatewayLog.SendFailed(_logger);
        connection.CloseAndReconnect();
    }

    private void SetState(AlpacaTradeUpdatesState state) => Volatile.Write(ref _state, (int)state);
}
