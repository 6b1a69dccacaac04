namespace Engine.Venues.Alpaca;

/// <summary>The <c>event</c> of a trade_updates message (trading-api-streaming.md).</summary>
public enum AlpacaTradeEvent
{
    /// <summary>An event type this client does not know.</summary>
    Unknown,

    /// <summary><c>new</c>: routed to the exchanges for execution.</summary>
    New,

    /// <summary><c>fill</c>: completely filled.</summary>
    Fill,

    /// <summary><c>partial_fill</c>: part of the remaining quantity filled.</summary>
    PartialFill,

    /// <summary><c>canceled</c>: a requested cancel was processed.</summary>
    Canceled,

    /// <summary><c>expired</c>: the time in force ran out.</summary>
    Expired,

    /// <summary><c>done_for_day</c>: no more updates until the next trading day.</summary>
    DoneForDay,

    /// <summary><c>replaced</c>: a requested replace was processed.</summary>
    Replaced,

    /// <summary><c>rejected</c>: the order was rejected.</summary>
    Rejected,

    /// <summary><c>pending_new</c>: received by Alpaca, not yet accepted for execution.</summary>
    PendingNew,

    /// <summary><c>pending_cancel</c>: awaiting cancelation.</summary>
    PendingCancel,

    /// <summary><c>pending_replace</c>: awaiting replacement.</summary>
    PendingReplace,

    /// <summary><c>stopped</c>: a trade is guaranteed, not yet occurred.</summary>
    Stopped,

    /// <summary><c>calculated</c>: done for the day, settlement calculations pending.</summary>
    Calculated,

    /// <summary><c>suspended</c>: not eligible for trading.</summary>
    Suspended,

    /// <summary><c>order_replace_rejected</c>: a replace was refused.</summary>
    OrderReplaceRejected,

    /// <summary><c>order_cancel_rejected</c>: a cancel was refused.</summary>
    OrderCancelRejected,
}
