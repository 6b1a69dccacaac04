namespace Engine.Orders;

/// <summary>What a venue reports about an order (an <see cref="ExecutionReport"/>).</summary>
public enum ExecutionKind : byte
{
    /// <summary>Nothing: an empty slot.</summary>
    None,

    /// <summary>The venue accepted the order: pending_new to new.</summary>
    Accepted,

    /// <summary>The venue refused the order; <see cref="ExecutionReport.Reject"/> says why.</summary>
    Rejected,

    /// <summary>A fill of part of the order; more quantity is still working.</summary>
    PartialFill,

    /// <summary>The fill that completes the order.</summary>
    Fill,

    /// <summary>The venue is cancelling the order (pending_cancel).</summary>
    PendingCancel,

    /// <summary>The order's remaining quantity is cancelled.</summary>
    Canceled,

    /// <summary>The order's remaining quantity expired (time in force).</summary>
    Expired,

    /// <summary>The venue refused a cancel (the order is filled, or already closing); the order is unchanged.</summary>
    CancelRejected,

    /// <summary>The order was replaced by <see cref="ExecutionReport.ReplacementClientOrderId"/>.</summary>
    Replaced,
}
