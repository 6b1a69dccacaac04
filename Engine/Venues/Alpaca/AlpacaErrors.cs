using System.Text.Json;
using Engine.Orders;

namespace Engine.Venues.Alpaca;

/// <summary>Alpaca's error codes the client acts on, and the mapping of an error answer to a <see cref="VenueRejectReason"/>.</summary>
internal static class AlpacaErrors
{
    /// <summary>403: buying power (or shares to sell) not sufficient.</summary>
    public const int InsufficientBuyingPower = 40310000;

    /// <summary>422: a field is invalid.</summary>
    public const int InvalidRequest = 42210000;

    /// <summary>404: no such order.</summary>
    public const int NotFound = 40410000;

    /// <summary>422: the client_order_id is already taken (an earlier try of ours got through).</summary>
    public const int DuplicateClientOrderId = 40010001;

    /// <summary>Longest server message kept (the rest is cut): messages go into logs.</summary>
    private const int MaxMessageLength = 200;

    /// <summary>The typed reason of an error answer with <paramref name="status"/> and Alpaca <paramref name="code"/>.</summary>
    /// <param name="status">The HTTP status (4xx or 5xx).</param>
    /// <param name="code">Alpaca's code, 0 when the body had none.</param>
    /// <param name="cancel">Whether the answer is to a cancel: its 422 means the order is in a state that cannot be canceled.</param>
    public static VenueRejectReason ReasonOf(int status, int code, bool cancel) => status switch
    {
        403 when code == InsufficientBuyingPower => VenueRejectReason.InsufficientBuyingPower,
        401 or 403 => VenueRejectReason.Unauthorized,
        404 => VenueRejectReason.NotFound,
        422 when cancel => VenueRejectReason.NotCancelable,
        400 or 422 => VenueRejectReason.InvalidOrder,
        429 => VenueRejectReason.RateLimited,
        >= 500 and <= 599 => VenueRejectReason.VenueUnavailable,
        _ => VenueRejectReason.Other,
    };

    /// <summary>
    /// Reads an error answer's body (<c>{"code":..,"message":..}</c>; anything else gives code 0 and
    /// no text) and maps it. <paramref name="redact"/> cleans the server's text before it is kept.
    /// </summary>
    public static AlpacaError Read(int status, ReadOnlySpan<byte> body, bool cancel, Func<string, string> redact)
    {
        int code = 0;
        string message = "";
        if (!body.IsEmpty && body[0] == (byte)'{')
        {
            try
            {
                var parsed = JsonSerializer.Deserialize(body, AlpacaJsonContext.Default.AlpacaErrorBody);
                code = parsed?.Code ?? 0;
                message = parsed?.Message ?? "";
            }
            catch (JsonException)
            {
                // Not Alpaca's shape (a proxy's page): the status alone decides.
            }
        }
        if (message.Length == 0)
        {
            message = "HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (message.Length > MaxMessageLength)
        {
            message = message[..MaxMessageLength];
        }
        return new AlpacaError(status, code, redact(message), ReasonOf(status, code, cancel));
    }
}
