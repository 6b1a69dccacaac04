using Engine.Book;
using Feeds;
using static Engine.Tests.Book.BookEvents;

namespace Engine.Tests.Book;

public sealed class BookErrorCountsTests
{
    /// <summary>Two books of two levels a side: two unknown orders, a full side and an instrument without a book.</summary>
    private static OrderBooks BooksWithErrors()
    {
        var books = new OrderBooks(new BookOptions { Instruments = 2, MaxOrders = 8, MaxLevelsPerSide = 2 });
        MarketDataEvent[] events =
        [
            Add(1, Side.Buy, 100, 5), Add(2, Side.Buy, 99, 5), Add(3, Side.Buy, 98, 5),
            Delete(7), Cancel(8, 1),
        ];
        foreach (var e in events)
        {
            var copy = e;
            books.Apply(ref copy);
        }
        var elsewhere = Add(4, Side.Sell, 101, 5);
        elsewhere.InstrumentId = 5;
        books.Apply(ref elsewhere);
        return books;
    }

    [Test]
    public void Read_CountsEachKindOverAllBooks()
    {
        var counts = BookErrorCounts.Read(BooksWithErrors());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counts[BookError.UnknownOrder], Is.EqualTo(2));
            Assert.That(counts[BookError.LevelsFull], Is.EqualTo(1));
            Assert.That(counts[BookError.UnknownInstrument], Is.EqualTo(1));
            Assert.That(counts.Total, Is.EqualTo(4));
            Assert.That(counts.ByKind(), Is.EqualTo(new Dictionary<string, long> { ["LevelsFull"] = 1, ["UnknownInstrument"] = 1, ["UnknownOrder"] = 2 }));
            Assert.That(BookErrorCounts.Kinds, Does.Not.Contain(BookError.None).And.Count.EqualTo(Enum.GetValues<BookError>().Length - 1));
        }
    }

    [Test]
    public void Since_IsWhatRoseAndDescribeNamesTheSettingToRaise()
    {
        var books = BooksWithErrors();
        var before = BookErrorCounts.Read(books);
        var full = Add(9, Side.Buy, 97, 5);
        books.Apply(ref full);

        var rise = BookErrorCounts.Read(books).Since(before);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rise.Total, Is.EqualTo(1));
            Assert.That(rise.Describe(), Is.EqualTo("LevelsFull 1 (raise book.maxLevelsPerSide)"));
            Assert.That(before.Describe(), Is.EqualTo("UnknownOrder 2, LevelsFull 1 (raise book.maxLevelsPerSide), UnknownInstrument 1"));
            Assert.That(before.Since(before).Describe(), Is.Empty);
        }
    }
}
