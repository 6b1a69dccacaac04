using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Feeds.Kraken;

/// <summary>The Kraken session's log lines. None carries a message payload.</summary>
internal static partial class KrakenLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "kraken: connected, subscribing to {PairCount} book(s) of depth {Depth}")]
    public static partial void Subscribing(ILogger logger, int pairCount, int depth);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "kraken: first snapshot received, streaming")]
    public static partial void Streaming(ILogger logger);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "kraken: book {Pair} invalid (checksum mismatch or inexact update); unsubscribing and subscribing it again")]
    public static partial void Resubscribing(ILogger logger, string pair);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "kraken: book {Pair} invalid but it is not a configured pair; not resubscribed")]
    public static partial void ResubscribeOfUnknownPair(ILogger logger, string pair);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "kraken: could not queue a request; replacing the connection")]
    public static partial void SendFailed(ILogger logger);

    [LoggerMessage(EventId = 305, Level = LogLevel.Information, Message = "kraken: connection ended ({Reason}); every book invalid until its next snapshot")]
    public static partial void BooksInvalidated(ILogger logger, DisconnectReason reason);
}
