namespace Engine.Admin;

/// <summary>An order an operator places by hand (the body of <c>POST /admin/orders</c>), before validation.</summary>
/// <param name="Symbol">The instrument's symbol.</param>
/// <param name="Side"><c>buy</c> or <c>sell</c>.</param>
/// <param name="Qty">Quantity, a positive whole number.</param>
/// <param name="Type"><c>market</c>, <c>limit</c>, <c>stop</c>, <c>stop_limit</c> or <c>trailing_stop</c> (default market).</param>
/// <param name="TimeInForce"><c>day</c>, <c>gtc</c>, <c>ioc</c>, <c>fok</c>, <c>opg</c> or <c>cls</c> (default day).</param>
/// <param name="LimitPrice">Limit price as a decimal string, for limit and stop-limit orders.</param>
/// <param name="StopPrice">Stop price as a decimal string, for stop and stop-limit orders.</param>
/// <param name="TrailPrice">Trailing distance in price as a decimal string, for trailing stops.</param>
public sealed record ManualOrder(
    string? Symbol,
    string? Side,
    long Qty,
    string? Type = "market",
    string? TimeInForce = "day",
    string? LimitPrice = null,
    string? StopPrice = null,
    string? TrailPrice = null);
