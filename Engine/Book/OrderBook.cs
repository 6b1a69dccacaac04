using System.Diagnostics;
using Feeds;

namespace Engine.Book;

/// <summary>
/// The book of one instrument. Fed order by order (L3: add, cancel, delete, execute, replace, each
/// order in the FIFO queue of its price level), or by price levels (L2: <see cref="MarketDataKind.LevelSet"/>,
/// <see cref="MarketDataKind.ClearBook"/>), or by quotes (L1: <see cref="MarketDataKind.Quote"/>
/// makes each side one level). Every feed ends in the same sorted levels, which the queries read.
/// </summary>
/// <remarks>
/// Loop thread only. Every pool, table and level array is allocated in the constructor; nothing
/// allocates afterwards. An event the book cannot apply exactly is skipped (or, for an oversized
/// cancel or execute, applied as a removal) and its <see cref="BookError"/> is returned and counted,
/// never thrown. Prices are ticks; quantities are the feed's units.
/// <code>
/// var book = new OrderBook(new BookOptions());
/// var e = new MarketDataEvent { Kind = MarketDataKind.Add, OrderId = 7, Side = Side.Buy, PriceTicks = 100, Quantity = 5 };
/// BookError error = book.Apply(ref e);     // BookError.None
/// book.TryGetBest(Side.Buy, out var bid);   // (100, 5, 1)
/// </code>
/// </remarks>
public sealed partial class OrderBook
{
    private static readonly int s_errorKinds = Enum.GetValues<BookError>().Length;

    private readonly OrderPool _orders;
    private readonly OrderIndex _index;
    private readonly BookSide _bids;
    private readonly BookSide _asks;
    private readonly long[] _errorCounts = new long[s_errorKinds];
    private long _errorTotal;
    private bool _fedByOrders;
    private readonly int _bookId;
    private int _orderCount;

    /// <summary>Creates an empty book with its own order pool of <see cref="BookOptions.MaxOrders"/>.</summary>
    public OrderBook(BookOptions options)
        : this(0, new OrderPool(ValidMaxOrders(options)), new OrderIndex(options.MaxOrders), options.MaxLevelsPerSide)
    {
    }

    /// <summary>Creates book <paramref name="bookId"/> on a pool and id table shared with other books.</summary>
    internal OrderBook(int bookId, OrderPool orders, OrderIndex index, int maxLevelsPerSide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLevelsPerSide, 1);
        _bookId = bookId;
        _orders = orders;
        _index = index;
        _bids = new BookSide(Side.Buy, maxLevelsPerSide);
        _asks = new BookSide(Side.Sell, maxLevelsPerSide);
    }

    /// <summary>Events applied, whatever their outcome.</summary>
    public long EventCount { get; private set; }

    /// <summary>Events that ended in any error other than <see cref="BookError.None"/>; any thread may read it.</summary>
    public long ErrorTotal => Volatile.Read(ref _errorTotal);

    /// <summary>The outcome of the last event.</summary>
    public BookError LastError { get; private set; }

    /// <summary>Best bid against best ask after the last event.</summary>
    public BookCondition Condition { get; private set; }

    /// <summary>Events after which the book was locked or crossed.</summary>
    public long CrossedOrLockedEventCount { get; private set; }

    /// <summary>The instrument's trading state from the last <see cref="MarketDataKind.TradingStatus"/> event.</summary>
    public TradingStatus TradingStatus { get; private set; } = TradingStatus.Unknown;

    /// <summary>
    /// Whether the book can be trusted. A feed that went stale, lost messages (a gap), started a
    /// resynchronisation or disconnected makes it invalid; it is valid again after a fresh snapshot
    /// (<see cref="MarketDataKind.ClearBook"/>) or, for an order-by-order book, when its feed
    /// reconnects having resumed without loss (<see cref="FeedStatus.Connected"/>: SoupBinTCP
    /// resumes from the next sequence number). A level book waits for its snapshot.
    /// </summary>
    public bool IsValid { get; private set; } = true;

    /// <summary>Orders resting in this book.</summary>
    public int OrderCount => _orderCount;

    /// <summary>Events that ended in <paramref name="error"/>; any thread may read it.</summary>
    public long ErrorCount(BookError error) => Volatile.Read(ref _errorCounts[(int)error]);

    /// <summary>Applies one market-data event for this book's instrument and returns its outcome.</summary>
    /// <remarks>
    /// A trade changes nothing; a feed status changes only <see cref="IsValid"/>; both return
    /// <see cref="BookError.None"/>. Cost: a hash lookup and a binary
    /// search over one side's levels; a new or emptied level shifts the levels worse than it.
    /// </remarks>
    public BookError Apply(ref readonly MarketDataEvent e)
    {
        _fedByOrders |= e.Kind == MarketDataKind.Add;
        BookError error = e.Kind switch
        {
            MarketDataKind.Add => AddOrder(e.OrderId, e.Side, e.PriceTicks, e.Quantity),
            MarketDataKind.Cancel or MarketDataKind.Execute => ReduceOrder(e.OrderId, e.Quantity),
            MarketDataKind.Delete => DeleteOrder(e.OrderId),
            MarketDataKind.Replace => ReplaceOrder(e.OrderId, e.NewOrderId, e.PriceTicks, e.Quantity),
            MarketDataKind.LevelSet => SetLevel(e.Side, e.PriceTicks, e.Quantity),
            MarketDataKind.ClearBook => ClearSides(e.Side),
            MarketDataKind.Quote => SetQuote(e.PriceTicks, e.Quantity, e.AskPriceTicks, e.AskQuantity),
            MarketDataKind.TradingStatus => SetTradingStatus(e.Status),
            MarketDataKind.FeedStatus => SetFeedStatus((FeedStatus)e.Status),
            _ => BookError.None,
        };
        EventCount++;
        LastError = error;
        if (error != BookError.None)
        {
            // Single-writer counts: the loop writes, the metrics and status threads read.
            Volatile.Write(ref _errorCounts[(int)error], _errorCounts[(int)error] + 1);
            Volatile.Write(ref _errorTotal, _errorTotal + 1);
        }
        UpdateCondition();
        return error;
    }

    /// <summary>Removes every order and level; counters are kept.</summary>
    public void Clear()
    {
        ClearSides(Side.None);
        UpdateCondition();
    }

    private static int ValidMaxOrders(BookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxOrders, 1);
        return options.MaxOrders;
    }

    private BookSide SideOf(Side side) => side == Side.Buy ? _bids : _asks;

    /// <summary>The pool slot of <paramref name="orderId"/> if it rests in this book (the id table is shared).</summary>
    private bool TryFind(long orderId, out int slot) => _index.TryGet(orderId, out slot) && _orders[slot].BookId == _bookId;

    private BookError AddOrder(long orderId, Side side, long priceTicks, long quantity)
    {
        if (quantity <= 0 || side is not (Side.Buy or Side.Sell))
        {
            return BookError.InvalidEvent;
        }
        if (_index.TryGet(orderId, out _))
        {
            return BookError.DuplicateOrderId;
        }
        if (_orders.Count == _orders.Capacity)
        {
            return BookError.OrderPoolFull;
        }
        var bookSide = SideOf(side);
        int levelIndex = bookSide.IndexOf(priceTicks);
        if (levelIndex < 0)
        {
            if (bookSide.IsFull)
            {
                return BookError.LevelsFull;
            }
            levelIndex = ~levelIndex;
            bookSide.InsertAt(levelIndex, priceTicks);
        }
        ref var level = ref bookSide.At(levelIndex);
        if (level.OrderCount == 0 && level.Quantity > 0)
        {
            return BookError.MixedFeed;
        }
        _orders.TryRent(out int slot);
        _index.TryAdd(orderId, slot);
        _orderCount++;
        ref var order = ref _orders[slot];
        order.OrderId = orderId;
        order.BookId = _bookId;
        order.Side = side;
        order.PriceTicks = priceTicks;
        order.Quantity = quantity;
        LinkAtTail(slot, ref level);
        return BookError.None;
    }

    private BookError ReduceOrder(long orderId, long quantity)
    {
        if (quantity <= 0)
        {
            return BookError.InvalidEvent;
        }
        if (!TryFind(orderId, out int slot))
        {
            return BookError.UnknownOrder;
        }
        ref var order = ref _orders[slot];
        if (quantity >= order.Quantity)
        {
            bool over = quantity > order.Quantity;
            RemoveOrder(slot);
            return over ? BookError.QuantityExceedsOrder : BookError.None;
        }
        order.Quantity -= quantity;
        var bookSide = SideOf(order.Side);
        bookSide.At(bookSide.IndexOf(order.PriceTicks)).Quantity -= quantity;
        return BookError.None;
    }

    private BookError DeleteOrder(long orderId)
    {
        if (!TryFind(orderId, out int slot))
        {
            return BookError.UnknownOrder;
        }
        RemoveOrder(slot);
        return BookError.None;
    }

    private BookError ReplaceOrder(long orderId, long newOrderId, long priceTicks, long quantity)
    {
        if (quantity <= 0)
        {
            return BookError.InvalidEvent;
        }
        if (!TryFind(orderId, out int slot))
        {
            return BookError.UnknownOrder;
        }
        if (newOrderId != orderId && _index.TryGet(newOrderId, out _))
        {
            return BookError.DuplicateOrderId;
        }
        // The pool slot moves, under the new id, to the back of the queue at the new price (its own
        // queue if the price is the same); the side is kept. If the new price needs a level and the
        // side is full, the old order is gone and the error says so.
        ref var order = ref _orders[slot];
        var bookSide = SideOf(order.Side);
        int oldIndex = bookSide.IndexOf(order.PriceTicks);
        ref var oldLevel = ref bookSide.At(oldIndex);
        Unlink(slot, ref oldLevel);
        if (oldLevel.OrderCount == 0)
        {
            bookSide.RemoveAt(oldIndex);
        }
        _index.Remove(orderId);
        int levelIndex = bookSide.IndexOf(priceTicks);
        if (levelIndex < 0)
        {
            if (bookSide.IsFull)
            {
                return DropDetached(slot, BookError.LevelsFull);
            }
            levelIndex = ~levelIndex;
            bookSide.InsertAt(levelIndex, priceTicks);
        }
        ref var level = ref bookSide.At(levelIndex);
        if (level.OrderCount == 0 && level.Quantity > 0)
        {
            return DropDetached(slot, BookError.MixedFeed);
        }
        _index.TryAdd(newOrderId, slot);
        order.OrderId = newOrderId;
        order.PriceTicks = priceTicks;
        order.Quantity = quantity;
        LinkAtTail(slot, ref level);
        return BookError.None;
    }

    /// <summary>Frees the slot of an order already unlinked and unindexed.</summary>
    private BookError DropDetached(int slot, BookError error)
    {
        _orders.Return(slot);
        _orderCount--;
        return error;
    }

    private void LinkAtTail(int slot, ref PriceLevel level)
    {
        ref var order = ref _orders[slot];
        order.Next = -1;
        order.Previous = level.Tail;
        if (level.Tail >= 0)
        {
            _orders[level.Tail].Next = slot;
        }
        else
        {
            level.Head = slot;
        }
        level.Tail = slot;
        level.OrderCount++;
        level.Quantity += order.Quantity;
    }

    private void Unlink(int slot, ref PriceLevel level)
    {
        ref var order = ref _orders[slot];
        if (order.Previous >= 0)
        {
            _orders[order.Previous].Next = order.Next;
        }
        else
        {
            level.Head = order.Next;
        }
        if (order.Next >= 0)
        {
            _orders[order.Next].Previous = order.Previous;
        }
        else
        {
            level.Tail = order.Previous;
        }
        level.Quantity -= order.Quantity;
        level.OrderCount--;
    }

    private void RemoveOrder(int slot)
    {
        ref var order = ref _orders[slot];
        var bookSide = SideOf(order.Side);
        int levelIndex = bookSide.IndexOf(order.PriceTicks);
        ref var level = ref bookSide.At(levelIndex);
        Unlink(slot, ref level);
        if (level.OrderCount == 0)
        {
            bookSide.RemoveAt(levelIndex);
        }
        _index.Remove(order.OrderId);
        _orders.Return(slot);
        _orderCount--;
    }

    private BookError SetFeedStatus(FeedStatus status)
    {
        if (status is FeedStatus.Stale or FeedStatus.Gap or FeedStatus.Resync or FeedStatus.Disconnected)
        {
            IsValid = false;
        }
        else if (status == FeedStatus.Connected && _fedByOrders)
        {
            IsValid = true;
        }
        return BookError.None;
    }

    private BookError SetTradingStatus(byte status)
    {
        TradingStatus = (TradingStatus)status;
        return BookError.None;
    }

    private void UpdateCondition()
    {
        var condition = BookCondition.Normal;
        if (_bids.Count > 0 && _asks.Count > 0)
        {
            long bid = _bids.FromBest(0).PriceTicks;
            long ask = _asks.FromBest(0).PriceTicks;
            condition = bid > ask ? BookCondition.Crossed : bid == ask ? BookCondition.Locked : BookCondition.Normal;
        }
        Condition = condition;
        if (condition != BookCondition.Normal)
        {
            CrossedOrLockedEventCount++;
        }
    }

    /// <summary>Checks every invariant and fails a debug assertion on the first broken one (debug builds only).</summary>
    [Conditional("DEBUG")]
    public void AssertInvariants()
    {
        string? problem = FindInvariantViolation();
        Debug.Assert(problem is null, problem);
    }
}
