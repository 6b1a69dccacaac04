using System.Diagnostics;
using Feeds.Instruments;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Feeds.Kraken;

/// <summary>
/// The live Kraken WebSocket v1 <c>book</c> feed as an <see cref="IWebSocketProtocol"/>: on every
/// connection it subscribes all configured pairs at the configured depth, hands every message to a
/// <see cref="KrakenBookDecoder"/>, and keeps the books honest across failures.
/// </summary>
/// <remarks>
/// <para>A checksum mismatch invalidates that pair's book (the decoder publishes
/// <see cref="FeedStatus.Resync"/>) and asks this session, as its <see cref="IKrakenResubscriber"/>,
/// for a fresh snapshot. The request is only noted during the decoding call; once the message is
/// decoded the session sends <c>unsubscribe</c> then <c>subscribe</c> for that pair alone, and the
/// other pairs stream on untouched. Sending only queues the bytes on the transport; nothing blocks
/// the receive path.</para>
/// <para>When a connection ends (closed, lost, stale) every valid book is marked invalid with
/// <see cref="FeedStatus.Disconnected"/> or <see cref="FeedStatus.Stale"/>; the next connection
/// subscribes everything again and each book is valid again from its new snapshot. The first
/// snapshot on a connection marks the session established (the reconnect backoff starts over); after
/// a connection that ended, it also publishes <see cref="FeedStatus.Connected"/> for every book the
/// decoder holds, which tells the engine the feed is back (each book stays invalid until its own
/// snapshot).</para>
/// <para>With a <see cref="FeedHealth"/> the session reports to it: connected from the first
/// snapshot of a connection until it ends, stale when the stale timer ended it, every message,
/// checksum failures, decode errors, and each book invalidation as a gap.</para>
/// <para>Runs on the transport's I/O callbacks, one at a time; the decoder is only touched there.
/// The session's counters may be read from any thread; the decoder's only once the transport has
/// stopped. Allocation-free per message once every book has had its first snapshot: the request
/// bytes are built here, once.</para>
/// <example><code>
/// var session = new KrakenStreamSession(options, instruments, sink, logger);
/// await using var transport = new WebSocketTransport(options.Url, options.Transport, session, logger, name: "kraken");
/// transport.Start();
/// </code></example>
/// </remarks>
public sealed class KrakenStreamSession : IWebSocketProtocol, IKrakenResubscriber
{
    private readonly ILogger _logger;
    private readonly string[] _pairs;
    private readonly byte[] _subscribeAll;
    private readonly byte[][] _subscribeOne;
    private readonly byte[][] _unsubscribeOne;
    private readonly bool[] _resubscribePending; // by index into _pairs
    private readonly int _depth;
    private readonly FeedHealth? _health;
    private int _pendingCount;
    private bool _snapshotOnThisConnection;
    private bool _endedSinceEstablished;
    private long _subscribeRequests;
    private long _unsubscribeRequests;
    private long _resubscribes;

    /// <summary>Creates the session and its decoder. Throws <see cref="ArgumentException"/> on invalid options or no pairs.</summary>
    /// <param name="options">Validated here.</param>
    /// <param name="instruments">Pairs map to ids here; a pair not yet in it is added on its first snapshot.</param>
    /// <param name="sink">Receives the decoder's events and feed statuses, on the feed's I/O thread.</param>
    /// <param name="logger">Connection and resubscription events (never payloads).</param>
    /// <param name="decoderOptions">The decoder's array sizes; null for its defaults. Its <c>MaxDepth</c> must cover <see cref="KrakenStreamOptions.Depth"/>.</param>
    /// <param name="health">Where the session reports the feed's health; null for nowhere.</param>
    public KrakenStreamSession(KrakenStreamOptions options, InstrumentTable instruments, IMarketDataSink sink, ILogger logger,
        KrakenDecoderOptions? decoderOptions = null, FeedHealth? health = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        decoderOptions ??= new KrakenDecoderOptions();
        var problems = new List<string>();
        options.Validate("kraken", problems);
        if (options.Pairs is { Count: 0 })
        {
            problems.Add("kraken.pairs: subscribes to nothing; list at least one pair");
        }
        if (decoderOptions.MaxDepth < options.Depth)
        {
            problems.Add($"kraken.depth: {options.Depth} is deeper than the decoder's MaxDepth ({decoderOptions.MaxDepth})");
        }
        if (problems.Count != 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }
        _logger = logger;
        _health = health;
        _depth = options.Depth;
        _pairs = [.. options.Pairs];
        _subscribeAll = KrakenRequestWriter.Subscribe(_pairs, _depth);
        _subscribeOne = new byte[_pairs.Length][];
        _unsubscribeOne = new byte[_pairs.Length][];
        for (int i = 0; i < _pairs.Length; i++)
        {
            _subscribeOne[i] = KrakenRequestWriter.Subscribe([_pairs[i]], _depth);
            _unsubscribeOne[i] = KrakenRequestWriter.Unsubscribe([_pairs[i]], _depth);
        }
        _resubscribePending = new bool[_pairs.Length];
        Decoder = new KrakenBookDecoder(instruments, sink, this, decoderOptions);
    }

    /// <summary>The decoder, for its books and counters (read them once the transport has stopped).</summary>
    public KrakenBookDecoder Decoder { get; }

    /// <summary>Subscribe messages sent: one per connection (all pairs), plus one per resubscribed pair.</summary>
    public long SubscribeRequests => Interlocked.Read(ref _subscribeRequests);

    /// <summary>Unsubscribe messages sent: one per resubscribed pair.</summary>
    public long UnsubscribeRequests => Interlocked.Read(ref _unsubscribeRequests);

    /// <summary>Pairs resubscribed (unsubscribe and subscribe sent) because their book became invalid.</summary>
    public long Resubscribes => Interlocked.Read(ref _resubscribes);

    /// <inheritdoc />
    public void OnConnected(IWebSocketConnection connection)
    {
        ClearPending();
        _snapshotOnThisConnection = false;
        KrakenLog.Subscribing(_logger, _pairs.Length, _depth);
        if (Send(connection, _subscribeAll))
        {
            Interlocked.Increment(ref _subscribeRequests);
        }
    }

    /// <inheritdoc />
    public void OnMessage(IWebSocketConnection connection, ReadOnlySpan<byte> message, long tsRecvTicks)
    {
        var result = Decoder.Decode(message, tsRecvTicks);
        _health?.OnMessages(1, tsRecvTicks);
        if (result.ChecksumFailed)
        {
            _health?.OnChecksumFailure();
        }
        else if (result.Reason is not (KrakenRejectReason.None or KrakenRejectReason.BookNotReady))
        {
            _health?.OnDecodeErrors(1);
        }
        if (!_snapshotOnThisConnection && result is { Kind: KrakenMessageKind.Snapshot, Reason: KrakenRejectReason.None })
        {
            _snapshotOnThisConnection = true;
            connection.MarkEstablished();
            KrakenLog.Streaming(_logger);
            _health?.OnConnected();
            if (_endedSinceEstablished)
            {
                _endedSinceEstablished = false;
                Decoder.ReportFeedStatus(FeedStatus.Connected, tsRecvTicks);
            }
        }
        if (_pendingCount != 0)
        {
            SendResubscribes(connection);
        }
    }

    /// <inheritdoc />
    public void OnDisconnected(DisconnectReason reason)
    {
        // The next connection subscribes every pair afresh, so requests still pending are moot.
        ClearPending();
        _health?.OnDisconnected(stale: reason == DisconnectReason.Stale);
        _endedSinceEstablished = true;
        KrakenLog.BooksInvalidated(_logger, reason);
        Decoder.InvalidateAll(reason == DisconnectReason.Stale ? FeedStatus.Stale : FeedStatus.Disconnected, Stopwatch.GetTimestamp());
    }

    /// <summary>Notes that <paramref name="pair"/> needs a fresh snapshot; sent once the current message is decoded.</summary>
    /// <remarks>Called by the decoder inside <see cref="KrakenBookDecoder.Decode"/>, on the I/O thread. Does not send.</remarks>
    public void RequestResubscribe(string pair)
    {
        int index = Array.IndexOf(_pairs, pair);
        if (index < 0)
        {
            KrakenLog.ResubscribeOfUnknownPair(_logger, pair);
            return;
        }
        _health?.OnGap();
        if (!_resubscribePending[index])
        {
            _resubscribePending[index] = true;
            _pendingCount++;
        }
    }

    private void SendResubscribes(IWebSocketConnection connection)
    {
        for (int i = 0; i < _pairs.Length; i++)
        {
            if (!_resubscribePending[i])
            {
                continue;
            }
            _resubscribePending[i] = false;
            _pendingCount--;
            KrakenLog.Resubscribing(_logger, _pairs[i]);
            if (!Send(connection, _unsubscribeOne[i]))
            {
                // The reconnect subscribes every pair anyway.
                ClearPending();
                return;
            }
            Interlocked.Increment(ref _unsubscribeRequests);
            if (!Send(connection, _subscribeOne[i]))
            {
                ClearPending();
                return;
            }
            Interlocked.Increment(ref _subscribeRequests);
            Interlocked.Increment(ref _resubscribes);
        }
    }

    /// <summary>Queues <paramref name="request"/>; if the connection cannot send any more, replaces it and returns false.</summary>
    private bool Send(IWebSocketConnection connection, byte[] request)
    {
        if (connection.SendText(request))
        {
            return true;
        }
        KrakenLog.SendFailed(_logger);
        connection.CloseAndReconnect();
        return false;
    }

    private void ClearPending()
    {
        Array.Clear(_resubscribePending);
        _pendingCount = 0;
    }
}
