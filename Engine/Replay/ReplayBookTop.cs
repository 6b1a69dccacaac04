namespace Engine.Replay;

/// <summary>Best bid and ask of one book; a quantity of 0 means that side is empty (and its price is 0).</summary>
/// <param name="BidPriceTicks">Best bid price, in ticks.</param>
/// <param name="BidQuantity">Total quantity at the best bid.</param>
/// <param name="AskPriceTicks">Best ask price, in ticks.</param>
/// <param name="AskQuantity">Total quantity at the best ask.</param>
public readonly record struct ReplayBookTop(long BidPriceTicks, long BidQuantity, long AskPriceTicks, long AskQuantity);
