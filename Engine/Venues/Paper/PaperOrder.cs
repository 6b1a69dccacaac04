using Engine.Risk;
using Feeds;

namespace Engine.Venues.Paper;

/// <summary>One order resting at the paper venue: a slot of <see cref="PaperOrderTable"/>.</summary>
internal struct PaperOrder
{
    public long ClientOrderId;

    /// <summary>The limit; for a market order (or a stop, once triggered) the extreme price of its side.</summary>
    public long LimitPriceTicks;

    /// <summary>The stop price of a stop or stop-limit order, else 0.</summary>
    public long StopPriceTicks;
    public long Quantity;
    public long FilledQuantity;

    /// <summary>Estimated displayed size ahead of the order at its price (its queue position).</summary>
    public long AheadQuantity;

    /// <summary>Displayed size at the order's price after the last market event: what the next event's decrease is measured from.</summary>
    public long LevelQuantity;

    public int InstrumentId;

    /// <summary>The next order of the same instrument in arrival order, or the next free slot; -1 at the end.</summary>
    public int Next;

    /// <summary>The previous order of the same instrument in arrival order; -1 at the head.</summary>
    public int Previous;

    public Side Side;
    public TimeInForce TimeInForce;

    /// <summary>A stop or stop-limit order waiting for a trade at its stop price (it is not in the queue yet).</summary>
    public bool StopPending;

    /// <summary>What is left once a triggered order has walked: cancelled (a stop: a market order) rather than rested.</summary>
    public bool CancelsUnfilled;

    public readonly long LeavesQuantity => Quantity - FilledQuantity;
}
