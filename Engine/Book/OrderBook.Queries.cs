using Feeds;

namespace Engine.Book;

/// <summary>The read side of <see cref="OrderBook"/>: top of book, depth, derived prices, queue position.</summary>
/// <remarks>
/// Loop thread only, like the rest of the book. No query allocates. Derived prices that need more
/// precision than a tick (mid, microprice) are in sub-ticks: <see cref="SubTicksPerTick"/> per tick.
/// </remarks>
public sealed partial class OrderBook
{
    /// <summary>Sub-ticks per tick: the fixed-point scale of <see cref="TryGetMidSubTicks"/> and <see cref="TryGetMicropriceSubTicks"/>.</summary>
    public const long SubTicksPerTick = 10_000;

    /// <summary>Scale of <see cref="TryGetImbalanceBasisPoints"/>: +10,000 all bids, -10,000 all asks.</summary>
    public const long ImbalanceScale = 10_000;

    /// <summary>Price levels on <paramref name="side"/>.</summary>
    public int LevelCount(Side side) => SideOf(side).Count;

    /// <summary>The best level of <paramref name="side"/>; false when the side is empty.</summary>
    public bool TryGetBest(Side side, out BookLevel level) => TryGetLevel(side, 0, out level);

    /// <summary>The level <paramref name="depth"/> places from the best of <paramref name="side"/> (0 = best); false past the last level.</summary>
    public bool TryGetLevel(Side side, int depth, out BookLevel level)
    {
        var bookSide = SideOf(side);
        if ((uint)depth >= (uint)bookSide.Count)
        {
            level = default;
            return false;
        }
        ref var found = ref bookSide.FromBest(depth);
        level = new BookLevel(found.PriceTicks, found.Quantity, found.OrderCount);
        return true;
    }

    /// <summary>Total size resting at <paramref name="priceTicks"/> on <paramref name="side"/>; 0 when no level is there (or the side is neither buy nor sell).</summary>
    /// <remarks>Cost: a binary search over the side's levels.</remarks>
    public long QuantityAt(Side side, long priceTicks)
    {
        if (side is not (Side.Buy or Side.Sell))
        {
            return 0;
        }
        var bookSide = SideOf(side);
        int index = bookSide.IndexOf(priceTicks);
        return index >= 0 ? bookSide.At(index).Quantity : 0;
    }

    /// <summary>The side, price and remaining quantity of resting order <paramref name="orderId"/>; false if it does not rest in this book.</summary>
    public bool TryGetOrder(long orderId, out Side side, out long priceTicks, out long quantity)
    {
        if (!TryFind(orderId, out int slot))
        {
            side = Side.None;
            priceTicks = 0;
            quantity = 0;
            return false;
        }
        ref var order = ref _orders[slot];
        side = order.Side;
        priceTicks = order.PriceTicks;
        quantity = order.Quantity;
        return true;
    }

    /// <summary>
    /// Copies the best <c>destination.Length</c> levels of <paramref name="side"/>, best first, and
    /// returns how many were written (fewer when the side is shallower).
    /// </summary>
    public int GetDepth(Side side, Span<BookLevel> destination)
    {
        var bookSide = SideOf(side);
        int count = Math.Min(destination.Length, bookSide.Count);
        for (int depth = 0; depth < count; depth++)
        {
            ref var level = ref bookSide.FromBest(depth);
            destination[depth] = new BookLevel(level.PriceTicks, level.Quantity, level.OrderCount);
        }
        return count;
    }

    /// <summary>Best ask minus best bid, in ticks (0 when locked, negative when crossed); false unless both sides have a level.</summary>
    public bool TryGetSpreadTicks(out long spreadTicks)
    {
        if (_bids.Count == 0 || _asks.Count == 0)
        {
            spreadTicks = 0;
            return false;
        }
        spreadTicks = _asks.FromBest(0).PriceTicks - _bids.FromBest(0).PriceTicks;
        return true;
    }

    /// <summary>(best bid + best ask) / 2 in sub-ticks; false unless both sides have a level.</summary>
    public bool TryGetMidSubTicks(out long midSubTicks)
    {
        if (_bids.Count == 0 || _asks.Count == 0)
        {
            midSubTicks = 0;
            return false;
        }
        midSubTicks = (_bids.FromBest(0).PriceTicks + _asks.FromBest(0).PriceTicks) * (SubTicksPerTick / 2);
        return true;
    }

    /// <summary>
    /// The size-weighted mid, (bid x askSize + ask x bidSize) / (bidSize + askSize), in sub-ticks,
    /// rounded toward the bid: it leans toward the side with less size, where the next trade is
    /// likelier. False unless both sides have a level.
    /// </summary>
    public bool TryGetMicropriceSubTicks(out long micropriceSubTicks)
    {
        if (_bids.Count == 0 || _asks.Count == 0)
        {
            micropriceSubTicks = 0;
            return false;
        }
        ref var bid = ref _bids.FromBest(0);
        ref var ask = ref _asks.FromBest(0);
        // bid + spread x bidSize / (bidSize + askSize); Int128 keeps the product exact for any sizes.
        Int128 lean = (Int128)(ask.PriceTicks - bid.PriceTicks) * SubTicksPerTick * bid.Quantity / (bid.Quantity + ask.Quantity);
        micropriceSubTicks = (bid.PriceTicks * SubTicksPerTick) + (long)lean;
        return true;
    }

    /// <summary>
    /// (bid size - ask size) / (bid size + ask size) over the best <paramref name="levels"/> levels of
    /// each side, scaled to +-<see cref="ImbalanceScale"/>; false when both are empty.
    /// </summary>
    public bool TryGetImbalanceBasisPoints(int levels, out long imbalance)
    {
        long bidSize = SumBest(_bids, levels);
        long askSize = SumBest(_asks, levels);
        if (bidSize + askSize == 0)
        {
            imbalance = 0;
            return false;
        }
        imbalance = (long)((Int128)(bidSize - askSize) * ImbalanceScale / (bidSize + askSize));
        return true;
    }

    /// <summary>
    /// What a new order joining <paramref name="side"/> at <paramref name="priceTicks"/> would wait
    /// behind: the whole size at that price (it joins the back of the queue) and, separately, the size
    /// at better prices of the same side. A price better than the best has nothing ahead.
    /// </summary>
    /// <remarks>Cost: one pass over the levels better than the price.</remarks>
    public QueuePosition QueueAhead(Side side, long priceTicks)
    {
        var bookSide = SideOf(side);
        long atPrice = 0;
        long better = 0;
        for (int index = bookSide.Count - 1; index >= 0; index--)
        {
            ref var level = ref bookSide.At(index);
            if (bookSide.IsBetter(level.PriceTicks, priceTicks))
            {
                better += level.Quantity;
            }
            else
            {
                if (level.PriceTicks == priceTicks)
                {
                    atPrice = level.Quantity;
                }
                break;
            }
        }
        return new QueuePosition(atPrice, better);
    }

    /// <summary>
    /// The queue ahead of resting order <paramref name="orderId"/>: the size of the orders before it
    /// in its level's FIFO queue, and the size at better prices. False if the order is not resting.
    /// </summary>
    /// <remarks>Cost: a walk of the queue in front of the order plus one pass over better levels.</remarks>
    public bool TryGetQueuePosition(long orderId, out QueuePosition position)
    {
        if (!TryFind(orderId, out int slot))
        {
            position = default;
            return false;
        }
        ref var order = ref _orders[slot];
        long ahead = 0;
        for (int previous = order.Previous; previous >= 0; previous = _orders[previous].Previous)
        {
            ahead += _orders[previous].Quantity;
        }
        position = new QueuePosition(ahead, QueueAhead(order.Side, order.PriceTicks).BetterLevelsQuantity);
        return true;
    }

    private static long SumBest(BookSide bookSide, int levels)
    {
        long sum = 0;
        int count = Math.Min(levels, bookSide.Count);
        for (int depth = 0; depth < count; depth++)
        {
            sum += bookSide.FromBest(depth).Quantity;
        }
        return sum;
    }
}
