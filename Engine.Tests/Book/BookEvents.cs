using Feeds;

namespace Engine.Tests.Book;

/// <summary>Builds the market-data events the book tests apply.</summary>
internal static class BookEvents
{
    public static MarketDataEvent Add(long orderId, Side side, long priceTicks, long quantity) =>
        new() { Kind = MarketDataKind.Add, OrderId = orderId, Side = side, PriceTicks = priceTicks, Quantity = quantity };

    public static MarketDataEvent Cancel(long orderId, long quantity) =>
        new() { Kind = MarketDataKind.Cancel, OrderId = orderId, Quantity = quantity };

    public static MarketDataEvent Execute(long orderId, long quantity) =>
        new() { Kind = MarketDataKind.Execute, OrderId = orderId, Quantity = quantity };

    public static MarketDataEvent Delete(long orderId) =>
        new() { Kind = MarketDataKind.Delete, OrderId = orderId };

    public static MarketDataEvent Replace(long orderId, long newOrderId, long priceTicks, long quantity) =>
        new() { Kind = MarketDataKind.Replace, OrderId = orderId, NewOrderId = newOrderId, PriceTicks = priceTicks, Quantity = quantity };

    public static MarketDataEvent LevelSet(Side side, long priceTicks, long quantity) =>
        new() { Kind = MarketDataKind.LevelSet, Side = side, PriceTicks = priceTicks, Quantity = quantity };

    public static MarketDataEvent Clear(Side side) => new() { Kind = MarketDataKind.ClearBook, Side = side };

    public static MarketDataEvent Quote(long bidTicks, long bidQuantity, long askTicks, long askQuantity) =>
        new() { Kind = MarketDataKind.Quote, PriceTicks = bidTicks, Quantity = bidQuantity, AskPriceTicks = askTicks, AskQuantity = askQuantity };
}
