using Microsoft.Extensions.Logging;
using Websocket.Client;
using Websocket.Client.Exceptions;

namespace Feeds.Transport;

/// <summary>
/// A WebSocket client that stays connected: wss only (ws:// to loopback for tests), reconnects
/// with exponential backoff and full jitter, replaces a connection that went quiet for longer than
/// the stale timeout, and runs its <see cref="IWebSocketProtocol"/> from the start on every
/// connection, so subscriptions are renewed after each reconnect.
/// </summary>
/// <remarks>
/// <para>Built on Websocket.Client with that library's reconnection switched off: one supervisor
/// task opens a fresh client per attempt and decides every delay. The protocol's callbacks run
/// one at a time under one gate, on the thread-pool thread that read the message (the feed's I/O
/// thread). Counters may be read from any thread.</para>
/// <para>Websocket.Client is never given a logger: it logs sent payloads at trace level, and the
/// auth payload holds the secret.</para>
/// <example><code>
/// var transport = new WebSocketTransport(url, options.Transport, session, logger);
/// transport.Start();                 // returns at once; connects in the background
/// ...
/// await transport.StopAsync();       // closes, ends the supervisor
/// </code></example>
/// </remarks>
public sealed class WebSocketTransport : IAsyncDisposable
{
    private readonly Uri _url;
    private readonly WebSocketTransportOptions _options;
    private readonly IWebSocketProtocol _protocol;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ReconnectBackoff _backoff;
    private readonly CancellationTokenSource _stop = new();
    private readonly WebSocketConnector _connector;
    private readonly Lock _gate = new();
    private readonly string _name;
    private WebSocketConnection? _current; // under _gate
    private ITimer? _staleTimer;
    private Task? _supervisor;
    private int _state;
    private int _stopReason;
    private int _disposed;
    private long _messagesReceived;
    private long _bytesReceived;
    private long _connectAttempts;
    private long _connectFailures;
    private long _reconnects;
    private long _staleEvents;
    private long _protocolFaults;
    private long _sessionsEstablished;

    /// <summary>Creates a transport to <paramref name="url"/>; nothing connects before <see cref="Start"/>.</summary>
    /// <param name="url">wss:// URL (ws:// only to a loopback host); checked by <see cref="WebSocketUrlPolicy"/>.</param>
    /// <param name="options">Validated here; any problem throws <see cref="ArgumentException"/>.</param>
    /// <param name="protocol">What is spoken over the socket.</param>
    /// <param name="logger">Where connection events are logged (never payloads).</param>
    /// <param name="time">Clock and timers; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="random">Jitter of the reconnect delays; a shared <see cref="Random"/> when null. Tests seed their own.</param>
    /// <param name="name">Name of the feed in log lines.</param>
    public WebSocketTransport(string url, WebSocketTransportOptions options, IWebSocketProtocol protocol, ILogger logger,
        TimeProvider? time = null, Random? random = null, string name = "websocket")
    {
        _url = WebSocketUrlPolicy.Require(url, name + ".url");
        var problems = new List<string>();
        options.Validate(name + ".transport", problems);
        if (problems.Count != 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }
        _options = options;
        _protocol = protocol;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _backoff = new ReconnectBackoff(options.ReconnectInitialDelayMs, options.ReconnectMaxDelayMs, random ?? new Random());
        _connector = new WebSocketConnector(options, name + ".transport", _stop.Token);
        _name = name;
    }

    /// <summary>Where the transport is now.</summary>
    public TransportState State => (TransportState)Volatile.Read(ref _state);

    /// <summary>Why it stopped; <see cref="TransportStopReason.None"/> while it runs.</summary>
    public TransportStopReason StopReason => (TransportStopReason)Volatile.Read(ref _stopReason);

    /// <summary>Completes when the transport has stopped for good (owner, protocol, or too many failures).</summary>
    public Task Completion => _supervisor ?? Task.CompletedTask;

    /// <summary>WebSocket messages handed to the protocol.</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    /// <summary>Bytes of those messages.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Connection attempts, the first included.</summary>
    public long ConnectAttempts => Interlocked.Read(ref _connectAttempts);

    /// <summary>Attempts that could not open a connection.</summary>
    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    /// <summary>Attempts after the first: one per reconnect.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Connections replaced because no message came within the stale timeout.</summary>
    public long StaleEvents => Interlocked.Read(ref _staleEvents);

    /// <summary>Exceptions thrown by the protocol (each replaced the connection).</summary>
    public long ProtocolFaults => Interlocked.Read(ref _protocolFaults);

    /// <summary>Connections on which the protocol marked its session established.</summary>
    public long SessionsEstablished => Interlocked.Read(ref _sessionsEstablished);

    /// <summary>The connector's TLS handler, for tests.</summary>
    internal WebSocketConnector Connector => _connector;

    /// <summary>Starts the supervisor, which connects in the background. Once only.</summary>
    public void Start()
    {
        if (Interlocked.CompareExchange(ref _state, (int)TransportState.Connecting, (int)TransportState.Idle) != (int)TransportState.Idle)
        {
            throw new InvalidOperationException($"{_name}: the transport was already started");
        }
        if (_options.StaleTimeoutMs > 0)
        {
            var period = TimeSpan.FromMilliseconds(Math.Max(1, _options.StaleTimeoutMs / 4));
            _staleTimer = _time.CreateTimer(static state => ((WebSocketTransport)state!).CheckStale(), this, period, period);
        }
        _supervisor = Task.Run(SuperviseAsync);
    }

    /// <summary>Closes the connection and ends the supervisor; returns when it has ended.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _current?.End(DisconnectReason.Stopped);
        }
        await Completion.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await StopAsync().ConfigureAwait(false);
        _connector.Dispose();
        _stop.Dispose();
    }

    private async Task SuperviseAsync()
    {
        var stop = _stop.Token;
        int failures = 0;
        var reason = TransportStopReason.StoppedByOwner;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var connection = await RunConnectionAsync(stop).ConfigureAwait(false);
                var ended = await connection.Ended.ConfigureAwait(false);
                if (ended == DisconnectReason.Stopped || stop.IsCancellationRequested)
                {
                    break;
                }
                if (ended == DisconnectReason.ProtocolStop)
                {
                    reason = TransportStopReason.ProtocolStop;
                    break;
                }
                failures = connection.Established ? 0 : failures + 1;
                if (_options.MaxConsecutiveFailures > 0 && failures >= _options.MaxConsecutiveFailures)
                {
                    reason = TransportStopReason.TooManyFailures;
                    break;
                }
                SetState(TransportState.WaitingToReconnect);
                var delay = _backoff.NextDelay(failures);
                TransportLog.Reconnecting(_logger, _name, ended, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, _time, stop).ConfigureAwait(false);
                Interlocked.Increment(ref _reconnects);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped while waiting to reconnect.
        }
        finally
        {
            _staleTimer?.Dispose();
            Volatile.Write(ref _stopReason, (int)reason);
            SetState(TransportState.Stopped);
            TransportLog.Stopped(_logger, _name, reason);
        }
    }

    /// <summary>Opens one connection and returns it once it has ended and the protocol has been told.</summary>
    private async Task<WebSocketConnection> RunConnectionAsync(CancellationToken stop)
    {
        SetState(TransportState.Connecting);
        long attempt = Interlocked.Increment(ref _connectAttempts);
        var connection = new WebSocketConnection();
        var client = new WebsocketClient(_url, logger: null, _connector.ConnectAsync)
        {
            Name = _name,
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            IsTextMessageConversionEnabled = false,
        };
        connection.Attach(client);
        using var messages = client.MessageReceived.Subscribe(message => OnMessage(connection, message));
        using var disconnections = client.DisconnectionHappened.Subscribe(info => OnDisconnection(connection, info));
        lock (_gate)
        {
            _current = connection;
        }
        try
        {
            await client.StartOrFail().ConfigureAwait(false);
            lock (_gate)
            {
                if (client.IsRunning || connection.Opened)
                {
                    OpenLocked(connection);
                }
                else if (!connection.IsEnded)
                {
                    // The library gave up on the connect without throwing.
                    Interlocked.Increment(ref _connectFailures);
                    connection.End(DisconnectReason.ConnectFailed);
                }
            }
        }
        catch (WebsocketException exception)
        {
            Interlocked.Increment(ref _connectFailures);
            // The library's text names the URL and the socket error; the URL holds no credentials (policy).
            TransportLog.ConnectFailed(_logger, _name, attempt, exception.InnerException?.Message ?? exception.Message);
            connection.End(stop.IsCancellationRequested ? DisconnectReason.Stopped : DisconnectReason.ConnectFailed);
        }
        using (stop.Register(static state => ((WebSocketConnection)state!).End(DisconnectReason.Stopped), connection))
        {
            var reason = await connection.Ended.ConfigureAwait(false);
            lock (_gate)
            {
                _current = null;
                if (connection.Opened)
                {
                    CallProtocol(connection, static (protocol, _, reason) => protocol.OnDisconnected(reason), reason);
                }
            }
        }
        // Outside the gate: disposing raises the library's disconnection event, whose handler takes the gate.
        client.Dispose();
        return connection;
    }

    private void OnMessage(WebSocketConnection connection, ResponseMessage message)
    {
        long now = _time.GetTimestamp();
        // Text conversion is off, so text frames arrive as their UTF-8 bytes too.
        if (message.Binary is not { } bytes)
        {
            return;
        }
        lock (_gate)
        {
            if (_current != connection || connection.IsEnded)
            {
                return;
            }
            OpenLocked(connection);
            connection.LastMessageTimestamp = now;
            Interlocked.Increment(ref _messagesReceived);
            Interlocked.Add(ref _bytesReceived, bytes.Length);
            CallProtocol(connection, static (protocol, c, state) => protocol.OnMessage(c, state.Bytes, state.Now), (Bytes: bytes, Now: now));
        }
    }

    private static void OnDisconnection(WebSocketConnection connection, DisconnectionInfo info)
    {
        switch (info.Type)
        {
            case DisconnectionType.ByServer:
                // Reconnecting is the supervisor's job, never the library's.
                info.CancelReconnection = true;
                connection.End(DisconnectReason.ClosedByServer);
                break;
            case DisconnectionType.Lost or DisconnectionType.NoMessageReceived:
                info.CancelReconnection = true;
                connection.End(DisconnectReason.Lost);
                break;
            default:
                // Error: a failed connect, which StartOrFail then throws (a cancelled reconnection
                // would make it return quietly instead). Exit and ByUser: our own dispose or stop.
                break;
        }
    }

    /// <summary>Tells the protocol a connection opened, once, before its first message. Under the gate.</summary>
    private void OpenLocked(WebSocketConnection connection)
    {
        if (connection.Opened || connection.IsEnded)
        {
            return;
        }
        connection.Opened = true;
        connection.LastMessageTimestamp = _time.GetTimestamp();
        SetState(TransportState.Connected);
        TransportLog.Connected(_logger, _name, _url.Host);
        CallProtocol(connection, static (protocol, c, _) => protocol.OnConnected(c), 0);
    }

    /// <summary>Runs a protocol callback; a throw is counted, logged and replaces the connection. Under the gate.</summary>
    private void CallProtocol<TState>(WebSocketConnection connection, Action<IWebSocketProtocol, WebSocketConnection, TState> call, TState state)
    {
        bool wasEstablished = connection.Established;
        try
        {
            call(_protocol, connection, state);
        }
#pragma warning disable CA1031 // A protocol bug must not kill the socket's receive loop; it is counted and logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _protocolFaults);
            TransportLog.ProtocolFault(_logger, _name, exception.GetType().Name, exception);
            connection.End(DisconnectReason.ProtocolFault);
        }
        if (!wasEstablished && connection.Established)
        {
            Interlocked.Increment(ref _sessionsEstablished);
        }
    }

    private void CheckStale()
    {
        // A busy gate means a message is being handled (or the sink is applying back-pressure): not stale.
        if (!_gate.TryEnter())
        {
            return;
        }
        try
        {
            var connection = _current;
            if (connection is null || !connection.Opened || connection.IsEnded)
            {
                return;
            }
            if (_time.GetElapsedTime(connection.LastMessageTimestamp).TotalMilliseconds >= _options.StaleTimeoutMs)
            {
                Interlocked.Increment(ref _staleEvents);
                TransportLog.Stale(_logger, _name, _options.StaleTimeoutMs);
                connection.End(DisconnectReason.Stale);
            }
        }
        finally
        {
            _gate.Exit();
        }
    }

    private void SetState(TransportState state) => Volatile.Write(ref _state, (int)state);
}
