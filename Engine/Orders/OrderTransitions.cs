namespace Engine.Orders;

/// <summary>
/// The order state machine: which <see cref="ExecutionKind"/> may move an order on from which
/// <see cref="OrderStatus"/>, and where to.
/// </summary>
/// <remarks>
/// <code>
/// pending_new ─accepted─▶ new ─partial─▶ partially_filled ─fill─▶ filled
///      │                   │                 │
///      └── rejected        ├── canceled / expired / replaced (final)
///                          └── pending_cancel ─canceled─▶ canceled;  cancel rejected ─▶ back
/// </code>
/// A fill may arrive before the acknowledgement (pending_new to partially_filled or filled) and
/// while a cancel is pending (the cancel raced a fill); a reject may arrive after a cancel was sent
/// or refused for an order the venue never acknowledged. Anything else is illegal: the router
/// counts it and leaves the order as it was, but a fill always reaches the positions, because the
/// shares have moved whatever the order's state says.
/// </remarks>
public static class OrderTransitions
{
    /// <summary>Whether <paramref name="status"/> is final (filled, canceled, rejected, expired, replaced).</summary>
    public static bool IsFinal(OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Rejected or OrderStatus.Expired or OrderStatus.Replaced;

    /// <summary>Whether the order is at the venue or on its way there (not final, not a free slot).</summary>
    public static bool IsOpen(OrderStatus status) => status != OrderStatus.None && !IsFinal(status);

    /// <summary>
    /// The status after <paramref name="kind"/> reaches an order in <paramref name="from"/> that has
    /// <paramref name="filledQuantity"/> filled after the report; false when illegal.
    /// </summary>
    public static bool TryApply(OrderStatus from, ExecutionKind kind, long filledQuantity, out OrderStatus to)
    {
        to = (from, kind) switch
        {
            (OrderStatus.PendingNew, ExecutionKind.Accepted) => OrderStatus.New,
            // A reject may also follow a cancel request (or a refused one) on an order the venue never acknowledged.
            (OrderStatus.PendingNew or OrderStatus.PendingCancel or OrderStatus.New, ExecutionKind.Rejected) => OrderStatus.Rejected,
            // A second acknowledgement (the REST answer and the stream's "new") changes nothing.
            (OrderStatus.New or OrderStatus.PartiallyFilled or OrderStatus.PendingCancel or OrderStatus.PendingReplace, ExecutionKind.Accepted) => from,
            (OrderStatus.PendingNew or OrderStatus.New or OrderStatus.PartiallyFilled, ExecutionKind.PartialFill) => OrderStatus.PartiallyFilled,
            (OrderStatus.PendingCancel or OrderStatus.PendingReplace, ExecutionKind.PartialFill) => from,
            (OrderStatus.PendingNew or OrderStatus.New or OrderStatus.PartiallyFilled or OrderStatus.PendingCancel or OrderStatus.PendingReplace, ExecutionKind.Fill) => OrderStatus.Filled,
            (OrderStatus.PendingNew or OrderStatus.New or OrderStatus.PartiallyFilled, ExecutionKind.PendingCancel) => OrderStatus.PendingCancel,
            (OrderStatus.PendingNew or OrderStatus.New or OrderStatus.PartiallyFilled or OrderStatus.PendingCancel or OrderStatus.PendingReplace, ExecutionKind.Canceled) => OrderStatus.Canceled,
            (OrderStatus.PendingNew or OrderStatus.New or OrderStatus.PartiallyFilled or OrderStatus.PendingCancel, ExecutionKind.Expired) => OrderStatus.Expired,
            (OrderStatus.New or OrderStatus.PartiallyFilled or OrderStatus.PendingReplace, ExecutionKind.Replaced) => OrderStatus.Replaced,
            (OrderStatus.PendingCancel or OrderStatus.PendingReplace, ExecutionKind.CancelRejected) => filledQuantity > 0 ? OrderStatus.PartiallyFilled : OrderStatus.New,
            _ => OrderStatus.None,
        };
        return to != OrderStatus.None;
    }
}
