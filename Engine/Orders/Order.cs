using Engine.Risk;
using Feeds;

namespace Engine.Orders;

/// <summary>One order as the router keeps it: what was asked, where it is, what has filled.</summary>
/// <remarks>A mutable struct in the <see cref="OrderTable"/>'s array, changed in place by the router on the loop thread.</remarks>
public struct Order
{
    /// <summary>Our id of the order; 0 for a free slot.</summary>
    public long ClientOrderId { readonly get; internal set; }

    /// <summary>The TWAP parent this order is a child of, else 0.</summary>
    public long ParentId { readonly get; internal set; }

    /// <summary>The instrument id.</summary>
    public int InstrumentId { readonly get; internal set; }

    /// <summary>Buy or sell.</summary>
    public Side Side { readonly get; internal set; }

    /// <summary>The order type.</summary>
    public OrderType Type { readonly get; internal set; }

    /// <summary>Time in force.</summary>
    public TimeInForce TimeInForce { readonly get; internal set; }

    /// <summary>Where the order is.</summary>
    public OrderStatus Status { readonly get; internal set; }

    /// <summary>Whether it is the half-open breaker's probe.</summary>
    public bool IsProbe { readonly get; internal set; }

    /// <summary>Quantity ordered.</summary>
    public long Quantity { readonly get; internal set; }

    /// <summary>Limit price in ticks, else 0.</summary>
    public long LimitPriceTicks { readonly get; internal set; }

    /// <summary>Stop price in ticks, else 0.</summary>
    public long StopPriceTicks { readonly get; internal set; }

    /// <summary>Trailing distance in ticks, else 0.</summary>
    public long TrailTicks { readonly get; internal set; }

    /// <summary>Quantity filled so far.</summary>
    public long FilledQuantity { readonly get; internal set; }

    /// <summary>Sum of fill quantity x fill price in ticks (the average fill price is this over <see cref="FilledQuantity"/>).</summary>
    public Int128 FilledValueTicks { readonly get; internal set; }

    /// <summary>The part of the order's approved notional not yet released by fills or its close, in cents.</summary>
    public long OpenNotionalCents { readonly get; internal set; }

    /// <summary>The risk decision's reference price (mid, else last trade) when the order was approved, in sub-ticks; 0 without one.</summary>
    public long DecisionReferenceSubTicks { readonly get; internal set; }

    /// <summary>The slippage estimator's average price for the order's marketable quantity at approval, in sub-ticks; 0 when nothing was estimated.</summary>
    public long EstimatedPriceSubTicks { readonly get; internal set; }

    /// <summary>When the router sent it, <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long SentTicks { readonly get; internal set; }

    /// <summary>Whether the venue has answered it (accepted, filled or rejected): its intent-to-ack latency is recorded.</summary>
    public bool Acknowledged { readonly get; internal set; }

    /// <summary>Quantity still working: ordered less filled, 0 once the order is final.</summary>
    public readonly long LeavesQuantity => OrderTransitions.IsFinal(Status) ? 0 : Quantity - FilledQuantity;

    /// <summary>Average fill price in ticks, truncated; 0 before any fill.</summary>
    public readonly long AverageFillPriceTicks => FilledQuantity == 0 ? 0 : (long)(FilledValueTicks / FilledQuantity);
}
