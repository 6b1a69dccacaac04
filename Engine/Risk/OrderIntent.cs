using Feeds;

namespace Engine.Risk;

/// <summary>An order the strategy wants to send (or a cancel of one), as the risk engine sees it: no strings, fixed size.</summary>
/// <param name="ClientOrderId">Our id of the order to cancel when <paramref name="IsCancel"/>; for a new order 0 (the router assigns one) or an id the caller took from the engine's <c>ClientOrderIds</c> to follow the order by.</param>
/// <param name="InstrumentId">The instrument id (the book's id, 0..n-1).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, limit, stop, stop-limit or trailing stop.</param>
/// <param name="TimeInForce">How long the order may work.</param>
/// <param name="Quantity">Quantity in the instrument's units (a multiple of its lot).</param>
/// <param name="LimitPriceTicks">Limit price in ticks (limit and stop-limit orders), else 0.</param>
/// <param name="StopPriceTicks">Stop price in ticks (stop and stop-limit orders), else 0.</param>
/// <param name="TrailTicks">Trailing distance in ticks (trailing stops), else 0.</param>
/// <param name="IsCancel">A cancel or modify of an open order rather than a new order.</param>
/// <param name="ParentId">The parent (a TWAP's id) this order is a slice of, else 0.</param>
/// <param name="ReplacesClientOrderId">For a cancel/replace: the open order this new one replaces (the router cancels it as it sends this one), else 0.</param>
public readonly record struct OrderIntent(
    long ClientOrderId,
    int InstrumentId,
    Side Side,
    OrderType Type,
    TimeInForce TimeInForce,
    long Quantity,
    long LimitPriceTicks = 0,
    long StopPriceTicks = 0,
    long TrailTicks = 0,
    bool IsCancel = false,
    long ParentId = 0,
    long ReplacesClientOrderId = 0)
{
    /// <summary>Whether this new order replaces an open one (a modify: it needs a cancel/modify token as well as a submit token).</summary>
    public bool IsReplace => ReplacesClientOrderId != 0;
}
