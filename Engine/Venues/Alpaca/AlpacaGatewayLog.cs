using Microsoft.Extensions.Logging;

namespace Engine.Venues.Alpaca;

/// <summary>The trade_updates stream's and the reconciler's log lines. None carries a credential or a message payload.</summary>
internal static partial class AlpacaGatewayLog
{
    [LoggerMessage(EventId = 520, Level = LogLevel.Information, Message = "alpaca trade_updates: connected, authenticating")]
    public static partial void Authenticating(ILogger logger);

    [LoggerMessage(EventId = 521, Level = LogLevel.Information, Message = "alpaca trade_updates: authorized, listening")]
    public static partial void Authorized(ILogger logger);

    [LoggerMessage(EventId = 522, Level = LogLevel.Information, Message = "alpaca trade_updates: stream up")]
    public static partial void StreamUp(ILogger logger);

    [LoggerMessage(EventId = 523, Level = LogLevel.Warning, Message = "alpaca trade_updates: stream down ({Reason}); new orders are held until it is back and reconciled")]
    public static partial void StreamDown(ILogger logger, Feeds.Transport.DisconnectReason reason);

    [LoggerMessage(EventId = 524, Level = LogLevel.Error, Message = "alpaca trade_updates: the server refused the credentials ({Count} times so far); reconnecting with backoff")]
    public static partial void Unauthorized(ILogger logger, long count);

    [LoggerMessage(EventId = 525, Level = LogLevel.Error, Message = "alpaca trade_updates: the server did not confirm listening to trade_updates; reconnecting")]
    public static partial void ListenRefused(ILogger logger);

    [LoggerMessage(EventId = 526, Level = LogLevel.Warning, Message = "alpaca trade_updates: could not queue a request; replacing the connection")]
    public static partial void SendFailed(ILogger logger);

    [LoggerMessage(EventId = 527, Level = LogLevel.Warning, Message = "alpaca trade_updates: first {Problem} message ({Detail}); further ones are only counted")]
    public static partial void FirstProblem(ILogger logger, TradeUpdatesProblem problem, string detail);

    [LoggerMessage(EventId = 528, Level = LogLevel.Error, Message = "alpaca: live order {ClientOrderId} was forgotten to stay within {Capacity} tracked orders; raise venues.alpaca.stream.maxTrackedOrders")]
    public static partial void LiveOrderForgotten(ILogger logger, string clientOrderId, int capacity);

    [LoggerMessage(EventId = 529, Level = LogLevel.Warning, Message = "alpaca reconcile: {Kind} {Symbol} {ClientOrderId}: engine {EngineQuantity}, venue {VenueQuantity} ({Detail})")]
    public static partial void Difference(ILogger logger, AlpacaDifferenceKind kind, string symbol, string clientOrderId, long engineQuantity, long venueQuantity, string detail);

    [LoggerMessage(EventId = 530, Level = LogLevel.Information, Message = "alpaca reconcile: {Orders} open orders and {Positions} positions at the venue; {Reports} reports published, {Differences} differences")]
    public static partial void Reconciled(ILogger logger, int orders, int positions, int reports, int differences);

    [LoggerMessage(EventId = 531, Level = LogLevel.Error, Message = "alpaca reconcile: incomplete, {What} failed: {Outcome} {HttpStatus} {Code} {Message}")]
    public static partial void ReconcileFailed(ILogger logger, string what, AlpacaOutcome outcome, int httpStatus, int code, string message);
}
