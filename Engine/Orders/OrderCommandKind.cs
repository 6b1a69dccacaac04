namespace Engine.Orders;

/// <summary>What an <see cref="OrderCommand"/> asks of the venue.</summary>
public enum OrderCommandKind : byte
{
    /// <summary>Nothing: an empty slot.</summary>
    None,

    /// <summary>Place a new order.</summary>
    New,

    /// <summary>Cancel an open order.</summary>
    Cancel,

    /// <summary>
    /// Not an order: a market event the loop forwards to a simulated venue (<see cref="OrderCommand.Market"/>),
    /// so the venue sees the market and our orders in exactly the order the loop did. Live venues never get these.
    /// </summary>
    MarketData,
}
