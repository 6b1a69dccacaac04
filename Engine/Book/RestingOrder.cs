using Feeds;

namespace Engine.Book;

/// <summary>A slot of the order pool: one resting order and its links in its level's FIFO queue.</summary>
/// <remarks>A mutable struct on purpose: the pool hands out references and the book edits in place.</remarks>
internal struct RestingOrder
{
    public long OrderId;
    public long PriceTicks;
    public long Quantity;

    /// <summary>Pool index of the order before this one at the same price, or -1.</summary>
    public int Previous;

    /// <summary>Pool index of the order after this one at the same price, or -1 (also the free-list link).</summary>
    public int Next;
    /// <summary>The book the order rests in: books of one <see cref="OrderBooks"/> share the pool.</summary>
    public int BookId;
    public Side Side;
}
