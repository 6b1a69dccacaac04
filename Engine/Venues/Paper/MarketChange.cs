using Engine.Book;
using Feeds;

namespace Engine.Venues.Paper;

/// <summary>
/// What one market event does, as the resting orders see it, read before it is applied (an L3
/// event names an order the book is about to change): the trade it reports, and which price
/// levels it may change, so orders at other levels skip the level lookup.
/// </summary>
internal readonly struct MarketChange
{
    private readonly long _firstPriceTicks;
    private readonly long _secondPriceTicks;
    private readonly Side _firstSide;
    private readonly Side _secondSide;
    private readonly bool _touchesAll;

    private MarketChange(Side tradePassiveSide, long tradePriceTicks, long tradeQuantity, bool touchesAll, Side firstSide, long firstPriceTicks, Side secondSide, long secondPriceTicks)
    {
        TradePassiveSide = tradePassiveSide;
        TradePriceTicks = tradePriceTicks;
        TradeQuantity = tradeQuantity;
        _touchesAll = touchesAll;
        _firstSide = firstSide;
        _firstPriceTicks = firstPriceTicks;
        _secondSide = secondSide;
        _secondPriceTicks = secondPriceTicks;
    }

    /// <summary>The side of the resting orders that traded; <see cref="Side.None"/> when not known (a print without an aggressor): either side may have been hit.</summary>
    public Side TradePassiveSide { get; }

    /// <summary>The trade price.</summary>
    public long TradePriceTicks { get; }

    /// <summary>The traded quantity; 0 for an event that is not a trade.</summary>
    public long TradeQuantity { get; }

    /// <summary>Reads <paramref name="e"/> against <paramref name="book"/>, its instrument's book, before it is applied.</summary>
    public static MarketChange Of(ref readonly MarketDataEvent e, OrderBook book)
    {
        switch (e.Kind)
        {
            case MarketDataKind.Trade:
                var passive = e.Side switch
                {
                    Side.Buy => Side.Sell,
                    Side.Sell => Side.Buy,
                    _ => Side.None,
                };
                return e.Quantity > 0 ? new MarketChange(passive, e.PriceTicks, e.Quantity, false, Side.None, 0, Side.None, 0) : default;
            case MarketDataKind.Add or MarketDataKind.LevelSet:
                return new MarketChange(Side.None, 0, 0, false, e.Side, e.PriceTicks, Side.None, 0);
            case MarketDataKind.Cancel or MarketDataKind.Delete or MarketDataKind.Execute or MarketDataKind.Replace:
                if (!book.TryGetOrder(e.OrderId, out var side, out long priceTicks, out long quantity))
                {
                    return default; // the book will refuse it: nothing changes
                }
                if (e.Kind == MarketDataKind.Replace)
                {
                    return new MarketChange(Side.None, 0, 0, false, side, priceTicks, side, e.PriceTicks);
                }
                if (e.Kind == MarketDataKind.Execute && e.Quantity > 0)
                {
                    // An execution may carry its own price (ITCH C); otherwise it traded at the order's.
                    return new MarketChange(side, e.PriceTicks != 0 ? e.PriceTicks : priceTicks, Math.Min(e.Quantity, quantity), false, side, priceTicks, Side.None, 0);
                }
                return new MarketChange(Side.None, 0, 0, false, side, priceTicks, Side.None, 0);
            case MarketDataKind.TradingStatus or MarketDataKind.FeedStatus or MarketDataKind.None:
                return default;
            default:
                // Quotes and clears may move any level.
                return new MarketChange(Side.None, 0, 0, true, Side.None, 0, Side.None, 0);
        }
    }

    /// <summary>Whether the event may have changed the level of <paramref name="side"/> at <paramref name="priceTicks"/>.</summary>
    public bool MayChangeLevel(Side side, long priceTicks) =>
        _touchesAll
        || (_firstPriceTicks == priceTicks && _firstSide == side)
        || (_secondPriceTicks == priceTicks && _secondSide == side);

    /// <summary>Whether the trade hit the queue of resting orders on <paramref name="side"/> at <paramref name="priceTicks"/>.</summary>
    public bool HitsQueue(Side side, long priceTicks) =>
        TradeQuantity > 0 && TradePriceTicks == priceTicks && (TradePassiveSide == Side.None || TradePassiveSide == side);
}
