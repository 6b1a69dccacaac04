using Engine.Risk;

namespace Engine.Orders.Twap;

/// <summary>One child order of a TWAP parent, as the executor follows it through the router's <see cref="OrderTable"/>.</summary>
/// <remarks>A mutable struct in the executor's array, changed in place on the loop thread; readers see it through a read-only span or a copied <see cref="TwapReport"/>.</remarks>
public struct TwapChild
{
    /// <summary>Our id of the order (taken from the router's ids, refused or not).</summary>
    public long ClientOrderId { readonly get; internal set; }

    /// <summary>The slice that sent it (0-based; a late tick folds the slices it missed into one child).</summary>
    public int Slice { readonly get; internal set; }

    /// <summary>Quantity ordered.</summary>
    public long Quantity { readonly get; internal set; }

    /// <summary>Limit price in ticks; 0 for a market child.</summary>
    public long LimitPriceTicks { readonly get; internal set; }

    /// <summary>Quantity filled so far.</summary>
    public long FilledQuantity { readonly get; internal set; }

    /// <summary>Sum of fill quantity x price in ticks.</summary>
    public Int128 FilledValueTicks { readonly get; internal set; }

    /// <summary>The order's status as last seen in the order table; <see cref="OrderStatus.Rejected"/> for a child refused before it reached the venue.</summary>
    public OrderStatus Status { readonly get; internal set; }

    /// <summary>Why risk refused it (<see cref="RiskRejectReason.NoLiquidity"/> also when a limit child had no touch to be priced from); <see cref="RiskRejectReason.None"/> when it was sent.</summary>
    public RiskRejectReason RefusedBy { readonly get; internal set; }

    /// <summary>Whether the executor wants it cancelled (its slice is over, or the parent was cancelled).</summary>
    public bool CancelWanted { readonly get; internal set; }

    /// <summary>Whether the order left the order table before the executor saw it end (its slot was reused): its fills after the last look are unknown, so its unfilled quantity is never sent again.</summary>
    public bool Lost { readonly get; internal set; }

    /// <summary>Whether the order has been seen in the order table (a child approved by risk that never appears there was refused by the router).</summary>
    internal bool Seen { get; set; }

    /// <summary>When its slice is over and it is to be cancelled if still working, Unix ns.</summary>
    internal long ExpiresAtNs { get; set; }

    /// <summary>Earliest time of the next cancel request, Unix ns.</summary>
    internal long CancelAtNs { get; set; }

    /// <summary>Quantity still working: ordered less filled while the order is open (and not lost), else 0.</summary>
    public readonly long LeavesQuantity => Lost || OrderTransitions.IsFinal(Status) ? 0 : Quantity - FilledQuantity;
}
