using Microsoft.Extensions.Logging;

namespace Feeds.Transport;

/// <summary>The transport's log lines. None carries a message payload: payloads may hold credentials.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Name}: connected to {Host}")]
    public static partial void Connected(ILogger logger, string name, string host);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{Name}: connect attempt {Attempt} failed: {Error}")]
    public static partial void ConnectFailed(ILogger logger, string name, long attempt, string error);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Name}: connection ended ({Reason}); next attempt in {DelayMs} ms")]
    public static partial void Reconnecting(ILogger logger, string name, DisconnectReason reason, long delayMs);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "{Name}: no message for {StaleTimeoutMs} ms: feed stale, replacing the connection")]
    public static partial void Stale(ILogger logger, string name, int staleTimeoutMs);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "{Name}: the protocol threw {ExceptionType}; connection replaced")]
    public static partial void ProtocolFault(ILogger logger, string name, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "{Name}: stopped ({Reason})")]
    public static partial void Stopped(ILogger logger, string name, TransportStopReason reason);
}
