using Engine.Book;
using Feeds;

namespace Engine.Tests.Book;

/// <summary>
/// The naive model the property tests hold the book against: orders in a dictionary, and per side a
/// sorted dictionary of price to FIFO queue of order ids (or, for level feeds, price to size).
/// It mirrors the book's documented outcomes, pool and level limits included.
/// </summary>
internal sealed class ReferenceBook(int maxOrders, int maxLevels)
{
    private readonly Dictionary<long, (Side Side, long PriceTicks, long Quantity)> _orders = [];
    private readonly SortedDictionary<long, List<long>> _bidQueues = [];
    private readonly SortedDictionary<long, List<long>> _askQueues = [];
    private readonly SortedDictionary<long, long> _bidLevels = [];
    private readonly SortedDictionary<long, long> _askLevels = [];

    public BookError Apply(in MarketDataEvent e) => e.Kind switch
    {
        MarketDataKind.Add => Add(e.OrderId, e.Side, e.PriceTicks, e.Quantity),
        MarketDataKind.Cancel or MarketDataKind.Execute => Reduce(e.OrderId, e.Quantity),
        MarketDataKind.Delete => _orders.ContainsKey(e.OrderId) ? Remove(e.OrderId) : BookError.UnknownOrder,
        MarketDataKind.Replace => Replace(e.OrderId, e.NewOrderId, e.PriceTicks, e.Quantity),
        MarketDataKind.LevelSet => SetLevel(e.Side, e.PriceTicks, e.Quantity),
        MarketDataKind.ClearBook => ClearLevels(e.Side),
        MarketDataKind.Quote => Quote(e),
        _ => BookError.None,
    };

    /// <summary>The levels of a side, best first, as the book reports them.</summary>
    public List<BookLevel> Levels(Side side)
    {
        var result = new List<BookLevel>();
        foreach (var (price, queue) in Queues(side))
        {
            long size = 0;
            foreach (long id in queue)
            {
                size += _orders[id].Quantity;
            }
            result.Add(new BookLevel(price, size, queue.Count));
        }
        foreach (var (price, size) in side == Side.Buy ? _bidLevels : _askLevels)
        {
            result.Add(new BookLevel(price, size, 0));
        }
        result.Sort((a, b) => side == Side.Buy ? b.PriceTicks.CompareTo(a.PriceTicks) : a.PriceTicks.CompareTo(b.PriceTicks));
        return result;
    }

    /// <summary>Size queued before <paramref name="orderId"/> at its price, or -1 if it is not resting.</summary>
    public long SizeAheadAtPrice(long orderId)
    {
        if (!_orders.TryGetValue(orderId, out var order))
        {
            return -1;
        }
        long ahead = 0;
        foreach (long id in Queues(order.Side)[order.PriceTicks])
        {
            if (id == orderId)
            {
                break;
            }
            ahead += _orders[id].Quantity;
        }
        return ahead;
    }

    private SortedDictionary<long, List<long>> Queues(Side side) => side == Side.Buy ? _bidQueues : _askQueues;

    private BookError Add(long orderId, Side side, long priceTicks, long quantity)
    {
        if (quantity <= 0 || side is not (Side.Buy or Side.Sell))
        {
            return BookError.InvalidEvent;
        }
        if (_orders.ContainsKey(orderId))
        {
            return BookError.DuplicateOrderId;
        }
        if (_orders.Count == maxOrders)
        {
            return BookError.OrderPoolFull;
        }
        var queues = Queues(side);
        if (!queues.TryGetValue(priceTicks, out var queue))
        {
            if (queues.Count == maxLevels)
            {
                return BookError.LevelsFull;
            }
            queue = [];
            queues.Add(priceTicks, queue);
        }
        queue.Add(orderId);
        _orders.Add(orderId, (side, priceTicks, quantity));
        return BookError.None;
    }

    private BookError Reduce(long orderId, long quantity)
    {
        if (quantity <= 0)
        {
            return BookError.InvalidEvent;
        }
        if (!_orders.TryGetValue(orderId, out var order))
        {
            return BookError.UnknownOrder;
        }
        if (quantity >= order.Quantity)
        {
            Remove(orderId);
            return quantity > order.Quantity ? BookError.QuantityExceedsOrder : BookError.None;
        }
        _orders[orderId] = order with { Quantity = order.Quantity - quantity };
        return BookError.None;
    }

    private BookError Replace(long orderId, long newOrderId, long priceTicks, long quantity)
    {
        if (quantity <= 0)
        {
            return BookError.InvalidEvent;
        }
        if (!_orders.TryGetValue(orderId, out var order))
        {
            return BookError.UnknownOrder;
        }
        if (newOrderId != orderId && _orders.ContainsKey(newOrderId))
        {
            return BookError.DuplicateOrderId;
        }
        Remove(orderId);
        return Add(newOrderId, order.Side, priceTicks, quantity);
    }

    private BookError Remove(long orderId)
    {
        var order = _orders[orderId];
        var queues = Queues(order.Side);
        var queue = queues[order.PriceTicks];
        queue.Remove(orderId);
        if (queue.Count == 0)
        {
            queues.Remove(order.PriceTicks);
        }
        _orders.Remove(orderId);
        return BookError.None;
    }

    private BookError SetLevel(Side side, long priceTicks, long quantity)
    {
        if (quantity < 0 || side is not (Side.Buy or Side.Sell))
        {
            return BookError.InvalidEvent;
        }
        var levels = side == Side.Buy ? _bidLevels : _askLevels;
        if (quantity == 0)
        {
            levels.Remove(priceTicks);
        }
        else if (levels.ContainsKey(priceTicks) || levels.Count < maxLevels)
        {
            levels[priceTicks] = quantity;
        }
        else
        {
            return BookError.LevelsFull;
        }
        return BookError.None;
    }

    private BookError ClearLevels(Side side)
    {
        if (side != Side.Sell)
        {
            _bidLevels.Clear();
        }
        if (side != Side.Buy)
        {
            _askLevels.Clear();
        }
        return BookError.None;
    }

    private BookError Quote(in MarketDataEvent e)
    {
        if (e.Quantity < 0 || e.AskQuantity < 0)
        {
            return BookError.InvalidEvent;
        }
        ClearLevels(Side.None);
        if (e.Quantity > 0)
        {
            _bidLevels[e.PriceTicks] = e.Quantity;
        }
        if (e.AskQuantity > 0)
        {
            _askLevels[e.AskPriceTicks] = e.AskQuantity;
        }
        return BookError.None;
    }
}
