using Feeds;

namespace Engine.Book;

/// <summary>The invariant check of <see cref="OrderBook"/>, for tests and debug builds.</summary>
public sealed partial class OrderBook
{
    /// <summary>
    /// The first broken invariant as text, or null: levels strictly sorted best last with positive
    /// sizes; each queue's links, count, sum, price and side agree with its level and the id index;
    /// the book's order count matches its queues; the condition flag matches the top of book.
    /// </summary>
    /// <remarks>Walks the whole book; for tests (which run Release builds, where <see cref="AssertInvariants"/> is compiled out).</remarks>
    internal string? FindInvariantViolation()
    {
        int ordersSeen = 0;
        string? problem = CheckSide(_bids, Side.Buy, ref ordersSeen) ?? CheckSide(_asks, Side.Sell, ref ordersSeen);
        if (problem is not null)
        {
            return problem;
        }
        if (ordersSeen != _orderCount)
        {
            return $"{_orderCount} orders counted but {ordersSeen} in queues";
        }
        var expected = BookCondition.Normal;
        if (_bids.Count > 0 && _asks.Count > 0)
        {
            long bid = _bids.FromBest(0).PriceTicks;
            long ask = _asks.FromBest(0).PriceTicks;
            expected = bid > ask ? BookCondition.Crossed : bid == ask ? BookCondition.Locked : BookCondition.Normal;
        }
        return expected == Condition ? null : $"condition {Condition}, top of book says {expected}";
    }

    private string? CheckSide(BookSide bookSide, Side side, ref int ordersSeen)
    {
        for (int index = 0; index < bookSide.Count; index++)
        {
            ref var level = ref bookSide.At(index);
            if (level.Quantity <= 0)
            {
                return $"{side} level {level.PriceTicks} has size {level.Quantity}";
            }
            if (index > 0 && !bookSide.IsBetter(level.PriceTicks, bookSide.At(index - 1).PriceTicks))
            {
                return $"{side} levels out of order at {level.PriceTicks}";
            }
            string? problem = CheckQueue(ref level, side);
            if (problem is not null)
            {
                return problem;
            }
            ordersSeen += level.OrderCount;
        }
        return null;
    }

    private string? CheckQueue(ref PriceLevel level, Side side)
    {
        if (level.OrderCount == 0)
        {
            return level.Head == -1 && level.Tail == -1 ? null : $"{side} level {level.PriceTicks} has no orders but a queue";
        }
        int count = 0;
        long sum = 0;
        int previous = -1;
        for (int slot = level.Head; slot >= 0; slot = _orders[slot].Next)
        {
            ref var order = ref _orders[slot];
            if (order.Previous != previous || order.PriceTicks != level.PriceTicks || order.Side != side || order.Quantity <= 0 || order.BookId != _bookId)
            {
                return $"{side} order {order.OrderId} at {level.PriceTicks} has a broken link, price, side or size";
            }
            if (!_index.TryGet(order.OrderId, out int indexed) || indexed != slot)
            {
                return $"order {order.OrderId} is not indexed at its slot";
            }
            count++;
            sum += order.Quantity;
            previous = slot;
            if (count > level.OrderCount)
            {
                return $"{side} level {level.PriceTicks} queue is longer than its count";
            }
        }
        if (previous != level.Tail || count != level.OrderCount || sum != level.Quantity)
        {
            return $"{side} level {level.PriceTicks}: tail, count {count}/{level.OrderCount} or size {sum}/{level.Quantity} disagree";
        }
        return null;
    }
}
