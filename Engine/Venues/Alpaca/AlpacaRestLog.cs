using Engine.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Venues.Alpaca;

/// <summary>The Alpaca REST client's log lines. None carries a header, a credential or a request body.</summary>
internal static partial class AlpacaRestLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "alpaca: {Method} {Path} failed ({Failure}); retry {Retry} of {MaxRetries} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string path, string failure, int retry, int maxRetries, long delayMs);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "alpaca: order {ClientOrderId} may have reached the venue ({Failure}); looking it up before sending it again")]
    public static partial void LookingUp(ILogger logger, string clientOrderId, string failure);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "alpaca: order {ClientOrderId} found at the venue as {OrderId} ({Status}); not sent again")]
    public static partial void FoundAfterUncertainSend(ILogger logger, string clientOrderId, string orderId, string status);

    [LoggerMessage(EventId = 503, Level = LogLevel.Error, Message = "alpaca: {Method} {Path}: no answer after {Tries} tries ({Failure}); the venue's state is unknown")]
    public static partial void Unknown(ILogger logger, string method, string path, int tries, string failure);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "alpaca: {Method} {Path} refused: HTTP {Status}, code {Code} ({Reason}): {Message}")]
    public static partial void Refused(ILogger logger, string method, string path, int status, int code, VenueRejectReason reason, string message);

    [LoggerMessage(EventId = 505, Level = LogLevel.Error, Message = "alpaca: refused to send {Method} to {Scheme}://{Host}: {Mode} mode allows https (and paper mode plain http to loopback) only")]
    public static partial void RefusedByPolicy(ILogger logger, string method, string scheme, string host, AlpacaTradingMode mode);

    [LoggerMessage(EventId = 506, Level = LogLevel.Warning, Message = "alpaca: the venue returned {Count} open orders, its page limit; more may exist")]
    public static partial void OpenOrdersPageFull(ILogger logger, int count);

    [LoggerMessage(EventId = 507, Level = LogLevel.Error, Message = "alpaca: {Method} {Path} answered {Status} with a body that is not the expected JSON")]
    public static partial void MalformedAnswer(ILogger logger, string method, string path, int status);
}
