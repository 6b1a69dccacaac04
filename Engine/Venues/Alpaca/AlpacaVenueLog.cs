using Microsoft.Extensions.Logging;

namespace Engine.Venues.Alpaca;

/// <summary>The Alpaca gateway's log lines (orders held, sent, unknown, readiness). None carries a credential.</summary>
internal static partial class AlpacaVenueLog
{
    [LoggerMessage(EventId = 540, Level = LogLevel.Warning, Message = "alpaca gateway: holding new orders, first {ClientOrderId}: the trade_updates stream is down or not reconciled yet; further ones are only counted")]
    public static partial void Holding(ILogger logger, string clientOrderId);

    [LoggerMessage(EventId = 541, Level = LogLevel.Information, Message = "alpaca gateway: ready (stream up, reconciled); sending {Held} held orders")]
    public static partial void Ready(ILogger logger, int held);

    [LoggerMessage(EventId = 542, Level = LogLevel.Warning, Message = "alpaca gateway: order {ClientOrderId} refused: {HttpStatus} {Code} {Reason} {Message}")]
    public static partial void OrderRefused(ILogger logger, string clientOrderId, int httpStatus, int code, Engine.Orders.VenueRejectReason reason, string message);

    [LoggerMessage(EventId = 543, Level = LogLevel.Error, Message = "alpaca gateway: order {ClientOrderId} outcome unknown ({HttpStatus} {Code}); not resent, looked up until found or known absent")]
    public static partial void OrderUnknown(ILogger logger, string clientOrderId, int httpStatus, int code);

    [LoggerMessage(EventId = 544, Level = LogLevel.Warning, Message = "alpaca gateway: order {ClientOrderId} resolved after an unknown outcome: {Status}")]
    public static partial void OrderResolved(ILogger logger, string clientOrderId, string status);

    [LoggerMessage(EventId = 545, Level = LogLevel.Warning, Message = "alpaca gateway: cancel of {ClientOrderId} refused: {Outcome} {HttpStatus} {Code} {Reason}")]
    public static partial void CancelRefused(ILogger logger, string clientOrderId, AlpacaOutcome outcome, int httpStatus, int code, Engine.Orders.VenueRejectReason reason);

    [LoggerMessage(EventId = 546, Level = LogLevel.Warning, Message = "alpaca gateway: reconciliation incomplete; orders stay held, next try in {RetryMs} ms")]
    public static partial void ReconcileRetry(ILogger logger, int retryMs);

    [LoggerMessage(EventId = 547, Level = LogLevel.Warning, Message = "alpaca gateway: adopting the venue's position {Symbol} {Quantity} at {AveragePrice} as a fill of no known order")]
    public static partial void PositionAdopted(ILogger logger, string symbol, long quantity, string averagePrice);

    [LoggerMessage(EventId = 548, Level = LogLevel.Error, Message = "alpaca gateway: command {ClientOrderId} cannot be sent to Alpaca (unknown instrument, side, type or time in force); rejected")]
    public static partial void Unmappable(ILogger logger, string clientOrderId);
}
