using Engine.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Venues.Alpaca;

/// <summary>
/// The Alpaca REST client's log lines. None carries a header, a credential or a request body. A request
/// about one order (place, cancel, look up) names it as <c>{ClientOrderId}</c>, the log's correlation id.
/// </summary>
internal static partial class AlpacaRestLog
{
    /// <summary>A failed request that will be retried; <paramref name="clientOrderId"/> is the order it is about, or null.</summary>
    public static void Retrying(ILogger logger, string method, string path, string? clientOrderId, string failure, int retry, int maxRetries, long delayMs)
    {
        if (clientOrderId is null)
        {
            Retrying(logger, method, path, failure, retry, maxRetries, delayMs);
        }
        else
        {
            RetryingOrder(logger, method, path, clientOrderId, failure, retry, maxRetries, delayMs);
        }
    }

    /// <summary>A request given up without knowing whether it applied; <paramref name="clientOrderId"/> is the order it is about, or null.</summary>
    public static void Unknown(ILogger logger, string method, string path, string? clientOrderId, int tries, string failure)
    {
        if (clientOrderId is null)
        {
            Unknown(logger, method, path, tries, failure);
        }
        else
        {
            UnknownOrder(logger, method, path, clientOrderId, tries, failure);
        }
    }

    /// <summary>A request the venue refused; <paramref name="clientOrderId"/> is the order it is about, or null.</summary>
    public static void Refused(ILogger logger, string method, string path, string? clientOrderId, int status, int code, VenueRejectReason reason, string message)
    {
        if (clientOrderId is null)
        {
            Refused(logger, method, path, status, code, reason, message);
        }
        else
        {
            RefusedOrder(logger, method, path, clientOrderId, status, code, reason, message);
        }
    }

    /// <summary>A success whose body could not be read; <paramref name="clientOrderId"/> is the order it is about, or null.</summary>
    public static void MalformedAnswer(ILogger logger, string method, string path, string? clientOrderId, int status)
    {
        if (clientOrderId is null)
        {
            MalformedAnswer(logger, method, path, status);
        }
        else
        {
            MalformedOrderAnswer(logger, method, path, clientOrderId, status);
        }
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "alpaca: {Method} {Path} failed ({Failure}); retry {Retry} of {MaxRetries} in {DelayMs} ms")]
    private static partial void Retrying(ILogger logger, string method, string path, string failure, int retry, int maxRetries, long delayMs);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "alpaca: order {ClientOrderId} may have reached the venue ({Failure}); looking it up before sending it again")]
    public static partial void LookingUp(ILogger logger, string clientOrderId, string failure);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "alpaca: order {ClientOrderId} found at the venue as {OrderId} ({Status}); not sent again")]
    public static partial void FoundAfterUncertainSend(ILogger logger, string clientOrderId, string orderId, string status);

    [LoggerMessage(EventId = 503, Level = LogLevel.Error, Message = "alpaca: {Method} {Path}: no answer after {Tries} tries ({Failure}); the venue's state is unknown")]
    private static partial void Unknown(ILogger logger, string method, string path, int tries, string failure);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "alpaca: {Method} {Path} refused: HTTP {Status}, code {Code} ({Reason}): {Message}")]
    private static partial void Refused(ILogger logger, string method, string path, int status, int code, VenueRejectReason reason, string message);

    [LoggerMessage(EventId = 505, Level = LogLevel.Error, Message = "alpaca: refused to send {Method} to {Scheme}://{Host}: {Mode} mode allows https (and paper mode plain http to loopback) only")]
    public static partial void RefusedByPolicy(ILogger logger, string method, string scheme, string host, AlpacaTradingMode mode);

    [LoggerMessage(EventId = 506, Level = LogLevel.Warning, Message = "alpaca: the venue returned {Count} open orders, its page limit; more may exist")]
    public static partial void OpenOrdersPageFull(ILogger logger, int count);

    [LoggerMessage(EventId = 507, Level = LogLevel.Error, Message = "alpaca: {Method} {Path} answered {Status} with a body that is not the expected JSON")]
    private static partial void MalformedAnswer(ILogger logger, string method, string path, int status);

    [LoggerMessage(EventId = 508, Level = LogLevel.Warning, Message = "alpaca: {Method} {Path} for order {ClientOrderId} failed ({Failure}); retry {Retry} of {MaxRetries} in {DelayMs} ms")]
    private static partial void RetryingOrder(ILogger logger, string method, string path, string clientOrderId, string failure, int retry, int maxRetries, long delayMs);

    [LoggerMessage(EventId = 509, Level = LogLevel.Error, Message = "alpaca: {Method} {Path} for order {ClientOrderId}: no answer after {Tries} tries ({Failure}); the venue's state is unknown")]
    private static partial void UnknownOrder(ILogger logger, string method, string path, string clientOrderId, int tries, string failure);

    [LoggerMessage(EventId = 510, Level = LogLevel.Warning, Message = "alpaca: {Method} {Path} for order {ClientOrderId} refused: HTTP {Status}, code {Code} ({Reason}): {Message}")]
    private static partial void RefusedOrder(ILogger logger, string method, string path, string clientOrderId, int status, int code, VenueRejectReason reason, string message);

    [LoggerMessage(EventId = 511, Level = LogLevel.Error, Message = "alpaca: {Method} {Path} for order {ClientOrderId} answered {Status} with a body that is not the expected JSON")]
    private static partial void MalformedOrderAnswer(ILogger logger, string method, string path, string clientOrderId, int status);
}
