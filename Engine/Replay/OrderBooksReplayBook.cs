using Engine.Book;
using Feeds;

namespace Engine.Replay;

/// <summary>The engine's own L3 books behind a replay: the same <see cref="OrderBooks"/> the loop runs.</summary>
/// <remarks>Called on the replay's one thread.</remarks>
public sealed class OrderBooksReplayBook : IReplayBook
{
    private readonly OrderBooks _books;

    /// <summary>Creates books for the replay.</summary>
    public OrderBooksReplayBook(BookOptions options) => _books = new OrderBooks(options);

    /// <inheritdoc />
    public long UnknownReferences => _books.ErrorCount(BookError.UnknownOrder);

    /// <summary>Every book error, all kinds, over all books.</summary>
    public long ErrorTotal => _books.ErrorTotal();

    /// <inheritdoc />
    public void Apply(ref MarketDataEvent marketEvent) => _books.Apply(ref marketEvent);

    /// <inheritdoc />
    public ReplayBookTop Top(int instrumentId)
    {
        var book = _books[instrumentId];
        book.TryGetBest(Side.Buy, out var bid);
        book.TryGetBest(Side.Sell, out var ask);
        return new ReplayBookTop(bid.PriceTicks, bid.Quantity, ask.PriceTicks, ask.Quantity);
    }
}
