using Engine.Pipeline;
using Feeds;

namespace Engine.Book;

/// <summary>
/// One <see cref="OrderBook"/> per instrument id, 0..<see cref="BookOptions.Instruments"/>-1: the
/// first stage of the handler chain, which applies every market-data event to its instrument's book.
/// </summary>
/// <remarks>
/// The books share one order pool and one order-id table of <see cref="BookOptions.MaxOrders"/>
/// (venue order ids are unique across instruments; a cancel that names another instrument's order
/// is an unknown order for its own book). Loop thread only. Every book is built in the constructor; <see cref="Apply"/> allocates nothing.
/// An event for an instrument id without a book is counted in <see cref="UnknownInstrumentCount"/>
/// and skipped. The error counts have one writer, the loop, and any thread may read them (the
/// metrics and the status line do); the other counters only after the loop has stopped.
/// </remarks>
public sealed class OrderBooks
{
    private readonly OrderBook[] _books;

    /// <summary>Builds <see cref="BookOptions.Instruments"/> empty books sized from <paramref name="options"/>.</summary>
    public OrderBooks(BookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Instruments, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxOrders, 1);
        var orders = new OrderPool(options.MaxOrders);
        var index = new OrderIndex(options.MaxOrders);
        _books = new OrderBook[options.Instruments];
        for (int i = 0; i < _books.Length; i++)
        {
            _books[i] = new OrderBook(i, orders, index, options.MaxLevelsPerSide);
        }
    }

    /// <summary>Number of books.</summary>
    public int Count => _books.Length;

    private long _unknownInstruments;

    /// <summary>Events whose instrument id has no book; any thread may read it.</summary>
    public long UnknownInstrumentCount => Volatile.Read(ref _unknownInstruments);

    /// <summary>The book of <paramref name="instrumentId"/>.</summary>
    public OrderBook this[int instrumentId] => _books[instrumentId];

    /// <summary>Applies <paramref name="e"/> to its instrument's book and returns the outcome.</summary>
    public BookError Apply(ref readonly MarketDataEvent e)
    {
        var books = _books;
        int id = e.InstrumentId;
        if (id < 0 && e.Kind == MarketDataKind.FeedStatus)
        {
            // A feed-wide status (a MoldUDP64 gap, a lost connection) concerns every book.
            foreach (var book in books)
            {
                book.Apply(in e);
            }
            return BookError.None;
        }
        if ((uint)id >= (uint)books.Length)
        {
            Volatile.Write(ref _unknownInstruments, _unknownInstruments + 1);
            return BookError.UnknownInstrument;
        }
        return books[id].Apply(in e);
    }

    /// <summary>The chain's entry: applies the slot's market data. Loop thread only.</summary>
    public void OnEvent(ref InboundEvent e) => Apply(ref e.Market);

    /// <summary>Errors of all books plus unknown instruments. Walks every book: not for the loop thread.</summary>
    public long ErrorTotal()
    {
        long total = UnknownInstrumentCount;
        foreach (var book in _books)
        {
            total += book.ErrorTotal;
        }
        return total;
    }

    /// <summary>Events that ended in <paramref name="error"/>, over all books. Walks every book: not for the loop thread.</summary>
    public long ErrorCount(BookError error)
    {
        if (error == BookError.UnknownInstrument)
        {
            return UnknownInstrumentCount;
        }
        long total = 0;
        foreach (var book in _books)
        {
            total += book.ErrorCount(error);
        }
        return total;
    }
}
