using Engine.Orders;

namespace Engine.Venues.Alpaca;

/// <summary>The body of POST /v2/orders. Decimals are strings, as Alpaca takes them; null fields are left out.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Qty">Quantity, a decimal string.</param>
/// <param name="Side"><c>buy</c> or <c>sell</c>.</param>
/// <param name="Type"><c>market</c>, <c>limit</c>, <c>stop</c>, <c>stop_limit</c> or <c>trailing_stop</c>.</param>
/// <param name="TimeInForce"><c>day</c>, <c>gtc</c>, <c>opg</c>, <c>cls</c>, <c>ioc</c> or <c>fok</c>.</param>
/// <param name="ClientOrderId">Our id (<see cref="ClientOrderIds.Format"/>), at most 128 characters.</param>
/// <param name="LimitPrice">Limit price, a decimal string, for limit and stop-limit orders.</param>
/// <param name="StopPrice">Stop price, a decimal string, for stop and stop-limit orders.</param>
/// <param name="TrailPrice">Trailing distance in dollars, a decimal string, for trailing stops.</param>
/// <param name="TrailPercent">Trailing distance in percent, a decimal string, for trailing stops (instead of <paramref name="TrailPrice"/>).</param>
/// <param name="ExtendedHours">Whether the order may execute outside regular hours (limit day orders only).</param>
public sealed record AlpacaOrderRequest(
    string Symbol,
    string Qty,
    string Side,
    string Type,
    string TimeInForce,
    string ClientOrderId,
    string? LimitPrice = null,
    string? StopPrice = null,
    string? TrailPrice = null,
    string? TrailPercent = null,
    bool ExtendedHours = false);

/// <summary>Alpaca's order object, the fields the engine reads (decimals kept as Alpaca's strings).</summary>
public sealed record AlpacaOrder
{
    /// <summary>Alpaca's order id (a UUID).</summary>
    public string Id { get; init; } = "";

    /// <summary>The client order id.</summary>
    public string ClientOrderId { get; init; } = "";

    /// <summary>The symbol.</summary>
    public string Symbol { get; init; } = "";

    /// <summary>Ordered quantity.</summary>
    public string? Qty { get; init; }

    /// <summary>Filled quantity so far.</summary>
    public string FilledQty { get; init; } = "0";

    /// <summary>Average fill price, when anything filled.</summary>
    public string? FilledAvgPrice { get; init; }

    /// <summary><c>buy</c> or <c>sell</c>.</summary>
    public string Side { get; init; } = "";

    /// <summary>The order type.</summary>
    public string Type { get; init; } = "";

    /// <summary>The time in force.</summary>
    public string TimeInForce { get; init; } = "";

    /// <summary>Limit price.</summary>
    public string? LimitPrice { get; init; }

    /// <summary>Stop price.</summary>
    public string? StopPrice { get; init; }

    /// <summary>The status: new, partially_filled, filled, canceled, expired, rejected, pending_new, accepted, pending_cancel, replaced, ...</summary>
    public string Status { get; init; } = "";
}

/// <summary>Alpaca's position object, the fields the engine reads.</summary>
public sealed record AlpacaPosition
{
    /// <summary>The symbol.</summary>
    public string Symbol { get; init; } = "";

    /// <summary>Signed quantity as Alpaca gives it (negative for short).</summary>
    public string Qty { get; init; } = "0";

    /// <summary>Average entry price.</summary>
    public string AvgEntryPrice { get; init; } = "0";

    /// <summary><c>long</c> or <c>short</c>.</summary>
    public string Side { get; init; } = "";
}

/// <summary>Alpaca's account object, the fields the engine reads.</summary>
public sealed record AlpacaAccount
{
    /// <summary>Account status (ACTIVE, ...).</summary>
    public string Status { get; init; } = "";

    /// <summary>Buying power.</summary>
    public string BuyingPower { get; init; } = "0";

    /// <summary>Cash.</summary>
    public string Cash { get; init; } = "0";

    /// <summary>Equity.</summary>
    public string Equity { get; init; } = "0";

    /// <summary>Whether trading is blocked on the account.</summary>
    public bool TradingBlocked { get; init; }
}

/// <summary>How a request ended.</summary>
public enum AlpacaOutcome
{
    /// <summary>The venue answered with success.</summary>
    Ok,

    /// <summary>
    /// The venue answered with an error body; see <see cref="AlpacaError"/>. Also when every try
    /// certainly failed to reach the venue (429s, no connection), so that nothing took effect.
    /// </summary>
    Refused,

    /// <summary>
    /// No answer could be had (timeouts, network, 5xx or 429 after every retry) and, for a POST or a
    /// DELETE, a try may have taken effect; the venue's state is not known.
    /// </summary>
    Unknown,
}

/// <summary>Alpaca's error body <c>{"code": .., "message": ..}</c> with the HTTP status and its typed reason.</summary>
/// <param name="HttpStatus">The HTTP status code.</param>
/// <param name="Code">Alpaca's error code (0 when the body had none).</param>
/// <param name="Message">Alpaca's message (never includes our credentials; may be logged).</param>
/// <param name="Reason">The typed reason.</param>
public sealed record AlpacaError(int HttpStatus, int Code, string Message, VenueRejectReason Reason);

/// <summary>The result of placing an order: accepted (with Alpaca's order), refused, or unknown.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Order">Alpaca's order when accepted (also when a lookup after a timeout found it).</param>
/// <param name="Error">Why it was refused, or the last failure when unknown.</param>
public sealed record AlpacaOrderResult(AlpacaOutcome Outcome, AlpacaOrder? Order = null, AlpacaError? Error = null);

/// <summary>The result of a cancel request.</summary>
/// <param name="Outcome">How it ended (a 404 or 422 for an order already closed is <see cref="AlpacaOutcome.Refused"/> with its reason).</param>
/// <param name="Error">Why not, when not <see cref="AlpacaOutcome.Ok"/>.</param>
public sealed record AlpacaCancelResult(AlpacaOutcome Outcome, AlpacaError? Error = null);

/// <summary>The result of a read.</summary>
/// <typeparam name="T">What was read.</typeparam>
/// <param name="Outcome">How it ended.</param>
/// <param name="Value">The value when <see cref="AlpacaOutcome.Ok"/>.</param>
/// <param name="Error">Why not, otherwise.</param>
public sealed record AlpacaQueryResult<T>(AlpacaOutcome Outcome, T Value, AlpacaError? Error = null);
