using Microsoft.Extensions.Logging;

namespace Feeds.Alpaca;

/// <summary>The Alpaca session's log lines. None carries a credential or a message payload.</summary>
internal static partial class AlpacaLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "alpaca: welcome received, authenticating")]
    public static partial void Authenticating(ILogger logger);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "alpaca: authenticated, subscribing")]
    public static partial void Subscribing(ILogger logger);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "alpaca: subscribed, streaming")]
    public static partial void Streaming(ILogger logger);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "alpaca: server error {Code} ({Meaning}): {Action}")]
    public static partial void ServerError(ILogger logger, int code, AlpacaErrorCode meaning, AlpacaErrorAction action);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "alpaca: control message {Control} out of turn in state {State}; ignored")]
    public static partial void OutOfTurn(ILogger logger, AlpacaControlKind control, AlpacaSessionState state);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "alpaca: could not queue a request; replacing the connection")]
    public static partial void SendFailed(ILogger logger);
}
