using Engine.Book;
using Engine.Orders;
using Feeds;

namespace Engine.Venues.Paper;

/// <summary>
/// The resting orders of <see cref="PaperMatcher"/>: queue position and passive fills as market
/// events arrive.
/// </summary>
/// <remarks>
/// <para>Queue position: an order joins the back of its price's queue, so its size ahead starts as
/// the displayed size at its price. Each market event of its instrument then, in this order:</para>
/// <list type="number">
/// <item>Cancels: a decrease of the displayed size at its price that the event's trade does not
/// account for (an L3 cancel, delete or replace, a level or quote update) removes size ahead in
/// proportion: ahead -= decrease x ahead / size before, truncated (the orders that left are taken
/// to be spread evenly through the queue; a level that empties leaves nothing ahead).</item>
/// <item>Trades: a trade at its price on its side (an L3 execution, or a print whose aggressor is
/// the other side or unknown) uses up the size ahead first and fills the order with the rest; a
/// trade through its price (below a buy's limit, above a sell's) fills it with the trade's whole
/// quantity. Orders of one side share the event's traded quantity in arrival order, so one print
/// never fills more than it traded. Fill price: the limit. Maker fee.</item>
/// <item>The size ahead is capped at the displayed size at its price.</item>
/// <item>Touch: opposite levels through its limit fill it (at its limit, maker fee), and so does
/// an opposite level at its limit once nothing is ahead of it; size our fills took is skipped
/// (<see cref="TakenLiquidityTable"/>).</item>
/// </list>
/// <para>Stop and stop-limit orders wait outside the queue until a trade reaches their stop
/// price (<see cref="TriggerStop"/>).</para>
/// <para>A level feed (L2, L1) shows a trade twice: as a print and as a smaller level. The print
/// consumes the queue and the decrease then counts as cancels too, so on such feeds the estimate
/// moves forward faster than the real queue would.</para>
/// </remarks>
public sealed partial class PaperMatcher
{
    /// <summary>After a market event of <paramref name="instrumentId"/>: moves each resting order's queue position and fills those the event reaches, in arrival order.</summary>
    private void MatchResting(int instrumentId, OrderBook book, in MarketChange change)
    {
        // Our fills change no level of the book (the market's own events do), so the touch read once holds for every order.
        long bestAsk = book.TryGetBest(Side.Sell, out var ask) ? ask.PriceTicks : long.MaxValue;
        long bestBid = book.TryGetBest(Side.Buy, out var bid) ? bid.PriceTicks : long.MinValue;
        long tradedToBuys = 0;
        long tradedToSells = 0;
        int slot = _orders.Head(instrumentId);
        while (slot >= 0)
        {
            ref var order = ref _orders[slot];
            int next = order.Next;
            if (order.StopPending)
            {
                TriggerStop(slot, book, in change);
                slot = next;
                continue;
            }
            long levelNow = change.MayChangeLevel(order.Side, order.LimitPriceTicks)
                ? book.QuantityAt(order.Side, order.LimitPriceTicks)
                : order.LevelQuantity;
            ApplyCancels(ref order, levelNow, in change);
            long tradeAvailable = ApplyTrade(ref order, in change);
            order.AheadQuantity = Math.Min(order.AheadQuantity, levelNow);
            order.LevelQuantity = levelNow;
            if (tradeAvailable > 0)
            {
                ref long traded = ref order.Side == Side.Buy ? ref tradedToBuys : ref tradedToSells;
                long quantity = Math.Min(order.LeavesQuantity, tradeAvailable - traded);
                if (quantity > 0)
                {
                    traded += quantity;
                    FillOrder(ref order, quantity, order.LimitPriceTicks, _makerFeeCentiBps);
                }
            }
            bool touchReaches = order.Side == Side.Buy ? bestAsk <= order.LimitPriceTicks : bestBid >= order.LimitPriceTicks;
            if (touchReaches && order.LeavesQuantity > 0)
            {
                TakeLiquidity(ref order, book, passive: true);
            }
            if (order.LeavesQuantity == 0)
            {
                _orders.Close(slot);
            }
            slot = next;
        }
    }

    /// <summary>
    /// A waiting stop triggers on a trade at or through its stop price (a buy stop: a trade at or
    /// above it; a sell stop: at or below). It then walks the book as a marketable order would
    /// (taker fee): a stop as a market order, whose unfilled rest is cancelled; a stop-limit as a
    /// limit order, whose rest joins the back of its price's queue.
    /// </summary>
    private void TriggerStop(int slot, OrderBook book, in MarketChange change)
    {
        ref var order = ref _orders[slot];
        bool triggered = change.TradeQuantity > 0
            && (order.Side == Side.Buy ? change.TradePriceTicks >= order.StopPriceTicks : change.TradePriceTicks <= order.StopPriceTicks);
        if (!triggered)
        {
            return;
        }
        StopsTriggered++;
        order.StopPending = false;
        TakeLiquidity(ref order, book, passive: false);
        if (order.LeavesQuantity > 0 && order.CancelsUnfilled)
        {
            OrdersCanceled++;
            Emit(ExecutionKind.Canceled, VenueRejectReason.None, in order, 0, 0, 0);
        }
        else if (order.LeavesQuantity > 0)
        {
            order.LevelQuantity = book.QuantityAt(order.Side, order.LimitPriceTicks);
            order.AheadQuantity = order.LevelQuantity;
            return;
        }
        _orders.Close(slot);
    }

    private static void ApplyCancels(ref PaperOrder order, long levelNow, in MarketChange change)
    {
        long before = order.LevelQuantity;
        if (levelNow >= before || order.AheadQuantity == 0)
        {
            return;
        }
        long traded = change.HitsQueue(order.Side, order.LimitPriceTicks) ? change.TradeQuantity : 0;
        long cancelled = before - levelNow - traded;
        if (cancelled > 0)
        {
            order.AheadQuantity -= (long)((Int128)cancelled * order.AheadQuantity / before);
        }
    }

    /// <summary>The part of the event's trade that reaches <paramref name="order"/> (before other orders' shares), and the size ahead it used up.</summary>
    private static long ApplyTrade(ref PaperOrder order, in MarketChange change)
    {
        if (change.TradeQuantity <= 0)
        {
            return 0;
        }
        bool through = order.Side == Side.Buy ? change.TradePriceTicks < order.LimitPriceTicks : change.TradePriceTicks > order.LimitPriceTicks;
        if (through)
        {
            return change.TradeQuantity;
        }
        if (!change.HitsQueue(order.Side, order.LimitPriceTicks))
        {
            return 0;
        }
        long beyondQueue = change.TradeQuantity - order.AheadQuantity;
        order.AheadQuantity = Math.Max(0, -beyondQueue);
        return Math.Max(0, beyondQueue);
    }
}
