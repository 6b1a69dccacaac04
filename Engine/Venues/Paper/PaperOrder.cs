using Engine.Risk;
using Feeds;

namespace Engine.Venues.Paper;

/// <summary>One order resting at the paper venue: a slot of <see cref="PaperOrderTable"/>.</summary>
internal struct PaperOrder
{
    public long ClientOrderId;
    public long LimitPriceTicks;
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

    public readonly long LeavesQuantity => Quantity - FilledQuantity;
}
