using Feeds;

namespace Engine.Venues.Paper;

/// <summary>The trade a market event reports, as the resting orders see it: which side's queue it hit, at what price, how much.</summary>
/// <param name="PassiveSide">The side of the resting orders that traded; <see cref="Side.None"/> when not known (a print without an aggressor): either side may have been hit.</param>
/// <param name="PriceTicks">The trade price.</param>
/// <param name="Quantity">The traded quantity; 0 for an event that is not a trade.</param>
internal readonly record struct TradePrint(Side PassiveSide, long PriceTicks, long Quantity)
{
    /// <summary>Whether the trade hit the queue of resting orders on <paramref name="side"/> at <paramref name="priceTicks"/>.</summary>
    public bool HitsQueue(Side side, long priceTicks) =>
        Quantity > 0 && PriceTicks == priceTicks && (PassiveSide == Side.None || PassiveSide == side);
}
