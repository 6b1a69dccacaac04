namespace Engine.Book;

/// <summary>One aggregated price level, as the queries return it.</summary>
/// <param name="PriceTicks">Price in ticks.</param>
/// <param name="Quantity">Total size resting at the price.</param>
/// <param name="OrderCount">Orders resting at the price; 0 for a level fed by price-level events or quotes.</param>
public readonly record struct BookLevel(long PriceTicks, long Quantity, int OrderCount);
