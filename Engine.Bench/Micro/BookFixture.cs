using Engine.Book;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>
/// The realistic state the book benchmarks start from: 10 levels a side, 20 orders a level (400
/// orders), sizes large enough that a one-share cancel or execution never empties an order.
/// </summary>
internal static class BookFixture
{
    public const int LevelsPerSide = 10;
    public const int OrdersPerLevel = 20;
    public const long BestBidTicks = 10_000;
    public const long BestAskTicks = 10_001;
    public const long OrderQuantity = 1_000_000_000;

    public static BookOptions Options => new() { Instruments = 1, MaxOrders = 8_192, MaxLevelsPerSide = 64 };

    /// <summary>An order-by-order book; <paramref name="orderIds"/> gets every resting id, the two sides interleaved.</summary>
    public static OrderBook OrderByOrder(out long[] orderIds, out long[] priceTicks)
    {
        var book = new OrderBook(Options);
        orderIds = new long[LevelsPerSide * OrdersPerLevel * 2];
        priceTicks = new long[orderIds.Length];
        var e = new MarketDataEvent { Kind = MarketDataKind.Add, Quantity = OrderQuantity };
        int n = 0;
        for (int order = 0; order < OrdersPerLevel; order++)
        {
            for (int level = 0; level < LevelsPerSide; level++)
            {
                foreach (var side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
                {
                    e.OrderId = n + 1;
                    e.Side = side;
                    e.PriceTicks = side == Side.Buy ? BestBidTicks - level : BestAskTicks + level;
                    Require(book.Apply(ref e) == BookError.None);
                    orderIds[n] = e.OrderId;
                    priceTicks[n] = e.PriceTicks;
                    n++;
                }
            }
        }
        return book;
    }

    /// <summary>A book fed by price levels, 10 a side.</summary>
    public static OrderBook ByLevel()
    {
        var book = new OrderBook(Options);
        var e = new MarketDataEvent { Kind = MarketDataKind.LevelSet, Quantity = 500 };
        for (int level = 0; level < LevelsPerSide; level++)
        {
            e.Side = Side.Buy;
            e.PriceTicks = BestBidTicks - level;
            Require(book.Apply(ref e) == BookError.None);
            e.Side = Side.Sell;
            e.PriceTicks = BestAskTicks + level;
            Require(book.Apply(ref e) == BookError.None);
        }
        return book;
    }

    /// <summary>Fails the run if the benchmark's book has drifted off its intended path.</summary>
    public static void Require(bool holds)
    {
        if (!holds)
        {
            throw new InvalidOperationException("the benchmark book did not take the expected path");
        }
    }
}
