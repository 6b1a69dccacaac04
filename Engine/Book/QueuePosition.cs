namespace Engine.Book;

/// <summary>What must trade before an order (or a new order at a price) can fill.</summary>
/// <param name="AtPriceQuantity">Size ahead in the FIFO queue at the same price.</param>
/// <param name="BetterLevelsQuantity">Size resting at better prices on the same side, which a
/// marketable counter-order takes first.</param>
public readonly record struct QueuePosition(long AtPriceQuantity, long BetterLevelsQuantity)
{
    /// <summary>Everything ahead: <see cref="AtPriceQuantity"/> plus <see cref="BetterLevelsQuantity"/>.</summary>
    public long TotalQuantity => AtPriceQuantity + BetterLevelsQuantity;
}
