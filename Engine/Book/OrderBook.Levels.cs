using Feeds;

namespace Engine.Book;

/// <summary>The price-level (L2) and quote (L1) feeds of <see cref="OrderBook"/>, and clearing.</summary>
public sealed partial class OrderBook
{
    private BookError SetLevel(Side side, long priceTicks, long quantity)
    {
        if (quantity < 0 || side is not (Side.Buy or Side.Sell))
        {
            return BookError.InvalidEvent;
        }
        var bookSide = SideOf(side);
        int levelIndex = bookSide.IndexOf(priceTicks);
        if (levelIndex >= 0)
        {
            ref var level = ref bookSide.At(levelIndex);
            if (level.OrderCount > 0)
            {
                return BookError.MixedFeed;
            }
            if (quantity == 0)
            {
                bookSide.RemoveAt(levelIndex);
            }
            else
            {
                level.Quantity = quantity;
            }
            return BookError.None;
        }
        if (quantity == 0)
        {
            return BookError.None;
        }
        if (bookSide.IsFull)
        {
            return BookError.LevelsFull;
        }
        bookSide.InsertAt(~levelIndex, priceTicks).Quantity = quantity;
        return BookError.None;
    }

    private BookError ClearSides(Side side)
    {
        IsValid = true; // a snapshot follows a clear: the feed is resynchronising the book
        if (side != Side.Sell)
        {
            ClearSide(_bids);
        }
        if (side != Side.Buy)
        {
            ClearSide(_asks);
        }
        return BookError.None;
    }

    private void ClearSide(BookSide bookSide)
    {
        for (int i = 0; i < bookSide.Count; i++)
        {
            int slot = bookSide.At(i).Head;
            while (slot >= 0)
            {
                int next = _orders[slot].Next;
                _index.Remove(_orders[slot].OrderId);
                _orders.Return(slot);
                _orderCount--;
                slot = next;
            }
        }
        bookSide.Clear();
    }

    private BookError SetQuote(long bidPriceTicks, long bidQuantity, long askPriceTicks, long askQuantity)
    {
        if (bidQuantity < 0 || askQuantity < 0)
        {
            return BookError.InvalidEvent;
        }
        if (_orderCount > 0)
        {
            return BookError.MixedFeed;
        }
        _bids.Clear();
        _asks.Clear();
        if (bidQuantity > 0)
        {
            _bids.InsertAt(0, bidPriceTicks).Quantity = bidQuantity;
        }
        if (askQuantity > 0)
        {
            _asks.InsertAt(0, askPriceTicks).Quantity = askQuantity;
        }
        return BookError.None;
    }
}
