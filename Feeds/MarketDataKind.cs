namespace Feeds;

/// <summary>What a <see cref="MarketDataEvent"/> says happened, and which of its fields carry it.</summary>
public enum MarketDataKind : byte
{
    /// <summary>An empty slot; never published by a feed.</summary>
    None,

    /// <summary>Order by order: a new resting order. <c>OrderId</c>, <c>Side</c>, <c>PriceTicks</c>, <c>Quantity</c>.</summary>
    Add,

    /// <summary>Order by order: part of a resting order cancelled. <c>OrderId</c>, <c>Quantity</c> cancelled.</summary>
    Cancel,

    /// <summary>Order by order: a resting order removed entirely. <c>OrderId</c>.</summary>
    Delete,

    /// <summary>
    /// Order by order: a resting order executed in part or whole. <c>OrderId</c>, <c>Quantity</c>
    /// executed; <c>PriceTicks</c> the execution price when the venue gives one, else 0.
    /// </summary>
    Execute,

    /// <summary>
    /// Order by order: a resting order replaced by a new one (loses its queue place).
    /// <c>OrderId</c> the old order, <c>NewOrderId</c>, <c>PriceTicks</c>, <c>Quantity</c> the new one.
    /// </summary>
    Replace,

    /// <summary>Price level: the total size at <c>PriceTicks</c> on <c>Side</c> is now <c>Quantity</c> (0 removes the level).</summary>
    LevelSet,

    /// <summary>Price level: every level of <c>Side</c> is removed (<see cref="Side.None"/>: both sides), as before a snapshot.</summary>
    ClearBook,

    /// <summary>
    /// Top of book (L1). <c>PriceTicks</c>/<c>Quantity</c> the bid, <c>AskPriceTicks</c>/<c>AskQuantity</c>
    /// the ask; a quantity of 0 means no quote on that side.
    /// </summary>
    Quote,

    /// <summary>A trade print: <c>PriceTicks</c>, <c>Quantity</c>, aggressor <c>Side</c> if known, <c>OrderId</c> the venue's match id if any.</summary>
    Trade,

    /// <summary>The instrument's trading state changed: <c>Status</c> is a <see cref="TradingStatus"/>.</summary>
    TradingStatus,

    /// <summary>The feed's state changed: <c>Status</c> is a <see cref="FeedStatus"/>; <c>Sequence</c> where it applies (a gap's first missing number).</summary>
    FeedStatus,
}
