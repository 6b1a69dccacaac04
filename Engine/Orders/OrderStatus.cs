namespace Engine.Orders;

/// <summary>Where an order is in its life, as the engine knows it (Alpaca's names in snake case).</summary>
public enum OrderStatus : byte
{
    /// <summary>Not an order: a free slot.</summary>
    None,

    /// <summary>Sent to the venue, not yet acknowledged.</summary>
    PendingNew,

    /// <summary>Accepted by the venue and working.</summary>
    New,

    /// <summary>Part filled and still working.</summary>
    PartiallyFilled,

    /// <summary>Wholly filled. Final.</summary>
    Filled,

    /// <summary>A cancel was sent, not yet confirmed.</summary>
    PendingCancel,

    /// <summary>A replace was sent, not yet confirmed.</summary>
    PendingReplace,

    /// <summary>Cancelled (by us or by its time in force at the venue). Final.</summary>
    Canceled,

    /// <summary>Refused by the venue (or by the router before sending). Final.</summary>
    Rejected,

    /// <summary>Expired by its time in force. Final.</summary>
    Expired,

    /// <summary>Replaced by a new order that carries on its quantity. Final for this one.</summary>
    Replaced,
}
