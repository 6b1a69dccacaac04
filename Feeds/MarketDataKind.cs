namespace Feeds;

/// <summary>What a <see cref="MarketDataEvent"/> says happened.</summary>
public enum MarketDataKind : byte
{
    /// <summary>An empty slot; never published by a feed.</summary>
    None,

    /// <summary>A new resting order (L3): <c>OrderId</c>, <c>Side</c>, <c>PriceTicks</c>, <c>Quantity</c>.</summary>
    Add,

    /// <summary>A resting order removed entirely (L3): <c>OrderId</c>.</summary>
    Delete,

    /// <summary>A resting order executed in part or whole (L3): <c>OrderId</c>, <c>Quantity</c> executed.</summary>
    Execute,

    /// <summary>A trade print not tied to a visible order: <c>PriceTicks</c>, <c>Quantity</c>, aggressor <c>Side</c>.</summary>
    Trade,
}
