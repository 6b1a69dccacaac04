using System.Runtime.InteropServices;
using Feeds;

namespace Engine.Orders;

/// <summary>
/// A venue's report about one order, as the loop takes it from the inbound ring: fixed size, no
/// strings (the gateway maps the venue's ids to ours). Prices in ticks, quantities in the
/// instrument's units, money in value units (sub-ticks x quantity).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct ExecutionReport
{
    /// <summary>What happened.</summary>
    public ExecutionKind Kind;

    /// <summary>Why, for <see cref="ExecutionKind.Rejected"/> and <see cref="ExecutionKind.CancelRejected"/>.</summary>
    public VenueRejectReason Reject;

    /// <summary>The order's side.</summary>
    public Side Side;

    /// <summary>The instrument id.</summary>
    public int InstrumentId;

    /// <summary>Our id of the order.</summary>
    public long ClientOrderId;

    /// <summary>For <see cref="ExecutionKind.Replaced"/>: our id of the order that replaces it.</summary>
    public long ReplacementClientOrderId;

    /// <summary>This fill's quantity (fills only).</summary>
    public long LastQuantity;

    /// <summary>This fill's price in ticks (fills only).</summary>
    public long LastPriceTicks;

    /// <summary>Quantity filled so far, this fill included.</summary>
    public long CumulativeQuantity;

    /// <summary>Quantity still working (0 once the order is final).</summary>
    public long LeavesQuantity;

    /// <summary>This fill's fee in value units (negative for a rebate).</summary>
    public long FeeValue;

    /// <summary>The venue's time of the event, Unix nanoseconds.</summary>
    public long VenueTsNs;
}
