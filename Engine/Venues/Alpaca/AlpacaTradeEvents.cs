using Engine.Orders;

namespace Engine.Venues.Alpaca;

/// <summary>Names of trade_updates events and order statuses, and what each means to the engine.</summary>
public static class AlpacaTradeEvents
{
    /// <summary>The event named <paramref name="name"/>; <see cref="AlpacaTradeEvent.Unknown"/> for any other text.</summary>
    public static AlpacaTradeEvent Parse(string? name) => name switch
    {
        "new" => AlpacaTradeEvent.New,
        "fill" => AlpacaTradeEvent.Fill,
        "partial_fill" => AlpacaTradeEvent.PartialFill,
        "canceled" => AlpacaTradeEvent.Canceled,
        "expired" => AlpacaTradeEvent.Expired,
        "done_for_day" => AlpacaTradeEvent.DoneForDay,
        "replaced" => AlpacaTradeEvent.Replaced,
        "rejected" => AlpacaTradeEvent.Rejected,
        "pending_new" => AlpacaTradeEvent.PendingNew,
        "pending_cancel" => AlpacaTradeEvent.PendingCancel,
        "pending_replace" => AlpacaTradeEvent.PendingReplace,
        "stopped" => AlpacaTradeEvent.Stopped,
        "calculated" => AlpacaTradeEvent.Calculated,
        "suspended" => AlpacaTradeEvent.Suspended,
        "order_replace_rejected" => AlpacaTradeEvent.OrderReplaceRejected,
        "order_cancel_rejected" => AlpacaTradeEvent.OrderCancelRejected,
        _ => AlpacaTradeEvent.Unknown,
    };

    /// <summary>
    /// The status report an event makes, beside any fill the order's <c>filled_qty</c> shows
    /// (fills are reported from the cumulative quantity, never from the event type alone).
    /// <see cref="ExecutionKind.None"/> for events that change nothing the engine tracks:
    /// <c>pending_new</c> (the engine's order is pending_new already), <c>done_for_day</c>,
    /// <c>calculated</c>, <c>stopped</c>, <c>suspended</c> (the order stays open) and
    /// <c>pending_replace</c> (the engine sends no replaces). A refused replace is reported as
    /// <see cref="ExecutionKind.CancelRejected"/>: the order is unchanged either way.
    /// </summary>
    public static ExecutionKind StatusKind(AlpacaTradeEvent e) => e switch
    {
        AlpacaTradeEvent.New => ExecutionKind.Accepted,
        AlpacaTradeEvent.Canceled => ExecutionKind.Canceled,
        AlpacaTradeEvent.Expired => ExecutionKind.Expired,
        AlpacaTradeEvent.Replaced => ExecutionKind.Replaced,
        AlpacaTradeEvent.Rejected => ExecutionKind.Rejected,
        AlpacaTradeEvent.PendingCancel => ExecutionKind.PendingCancel,
        AlpacaTradeEvent.OrderCancelRejected or AlpacaTradeEvent.OrderReplaceRejected => ExecutionKind.CancelRejected,
        _ => ExecutionKind.None,
    };

    /// <summary>
    /// The report an order's REST <c>status</c> implies for an order the engine still thinks open:
    /// the final ones (canceled, expired, rejected, replaced); filled is reported by its fill;
    /// anything still open is <see cref="ExecutionKind.None"/>.
    /// </summary>
    public static ExecutionKind FinalStatusKind(string? status) => status switch
    {
        "canceled" => ExecutionKind.Canceled,
        "expired" => ExecutionKind.Expired,
        "rejected" => ExecutionKind.Rejected,
        "replaced" => ExecutionKind.Replaced,
        _ => ExecutionKind.None,
    };
}
