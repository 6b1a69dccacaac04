namespace Engine.Admin;

/// <summary>A TWAP parent an operator starts (the body of <c>POST /admin/twap</c>), before validation.</summary>
/// <param name="Symbol">The instrument's symbol.</param>
/// <param name="Side"><c>buy</c> or <c>sell</c>.</param>
/// <param name="Qty">The parent's whole quantity, a positive multiple of the instrument's lot.</param>
/// <param name="DurationMs">From the first slice to the end of the schedule.</param>
/// <param name="Slices">Number of slices (children when nothing is refused).</param>
/// <param name="ChildType"><c>market</c> or <c>limit</c> (default market).</param>
/// <param name="TimeInForce">The children's time in force: <c>day</c> or <c>ioc</c> (default day).</param>
/// <param name="LimitReference">Limit children: the touch they are priced from, <c>far</c> or <c>near</c> (default far).</param>
/// <param name="LimitOffsetTicks">Limit children: ticks added toward the other side (negative: less aggressive).</param>
/// <param name="LimitCap">Limit children: the worst price as a decimal string; none when absent.</param>
/// <param name="StartDelayMs">Delay from the start to the first slice (default 0).</param>
/// <param name="CancelRetryMs">Least time between two cancel requests of one child (default 250).</param>
public sealed record TwapRequest(
    string? Symbol,
    string? Side,
    long Qty,
    long DurationMs,
    int Slices,
    string? ChildType = "market",
    string? TimeInForce = "day",
    string? LimitReference = null,
    long LimitOffsetTicks = 0,
    string? LimitCap = null,
    long StartDelayMs = 0,
    int CancelRetryMs = 250);
