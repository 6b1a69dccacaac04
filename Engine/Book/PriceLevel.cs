namespace Engine.Book;

/// <summary>One price level of a side: its total size and the ends of its FIFO queue of orders.</summary>
/// <remarks>A mutable struct on purpose: the side keeps levels in a sorted array and edits them in place.</remarks>
internal struct PriceLevel
{
    public long PriceTicks;

    /// <summary>Total size at the price: the sum of the queue, or the size a level event set.</summary>
    public long Quantity;

    /// <summary>Orders in the queue; 0 for a level set by level events or quotes.</summary>
    public int OrderCount;

    /// <summary>Pool index of the oldest order (first to fill), or -1.</summary>
    public int Head;

    /// <summary>Pool index of the newest order, or -1.</summary>
    public int Tail;
}
