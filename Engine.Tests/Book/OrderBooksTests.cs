using Engine.Book;
using Feeds;
using static Engine.Tests.Book.BookEvents;

namespace Engine.Tests.Book;

public sealed class OrderBooksTests
{
    [Test]
    public void Apply_EventForAnInstrument_ReachesOnlyItsBook()
    {
        var books = new OrderBooks(new BookOptions { Instruments = 3, MaxOrders = 8, MaxLevelsPerSide = 4 });
        var e = Add(1, Side.Buy, 100, 5);
        e.InstrumentId = 2;

        var error = books.Apply(ref e);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.EqualTo(BookError.None));
            Assert.That(books.Count, Is.EqualTo(3));
            Assert.That(books[2].OrderCount, Is.EqualTo(1));
            Assert.That(books[0].OrderCount + books[1].OrderCount, Is.Zero);
        }
    }

    [TestCase(3)]
    [TestCase(-1)]
    public void Apply_InstrumentWithoutABook_IsCountedAndSkipped(int instrumentId)
    {
        var books = new OrderBooks(new BookOptions { Instruments = 3, MaxOrders = 8, MaxLevelsPerSide = 4 });
        var e = Add(1, Side.Buy, 100, 5);
        e.InstrumentId = instrumentId;

        var error = books.Apply(ref e);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.EqualTo(BookError.UnknownInstrument));
            Assert.That(books.UnknownInstrumentCount, Is.EqualTo(1));
            Assert.That(books.ErrorTotal(), Is.EqualTo(1));
        }
    }

    [Test]
    public void Apply_OrderIdOfAnotherInstrument_IsUnknownThereAndADuplicateAcrossBooks()
    {
        var books = new OrderBooks(new BookOptions { Instruments = 2, MaxOrders = 8, MaxLevelsPerSide = 4 });
        var add = Add(1, Side.Buy, 100, 5);
        books.Apply(ref add);
        var cancelElsewhere = Cancel(1, 2);
        cancelElsewhere.InstrumentId = 1;
        var addElsewhere = Add(1, Side.Sell, 200, 5);
        addElsewhere.InstrumentId = 1;

        var cancel = books.Apply(ref cancelElsewhere);
        var duplicate = books.Apply(ref addElsewhere);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cancel, Is.EqualTo(BookError.UnknownOrder));
            Assert.That(duplicate, Is.EqualTo(BookError.DuplicateOrderId));
            Assert.That(books[0].TryGetBest(Side.Buy, out var bid) && bid.Quantity == 5, Is.True, "book 0's order is untouched");
            Assert.That(books[0].FindInvariantViolation(), Is.Null);
            Assert.That(books[1].FindInvariantViolation(), Is.Null);
        }
    }

    [Test]
    public void Apply_BooksShareOnePool_PoolFullCountsAcrossInstruments()
    {
        var books = new OrderBooks(new BookOptions { Instruments = 2, MaxOrders = 1, MaxLevelsPerSide = 4 });
        var first = Add(1, Side.Buy, 100, 5);
        var second = Add(2, Side.Buy, 100, 5);
        second.InstrumentId = 1;

        books.Apply(ref first);
        var error = books.Apply(ref second);

        Assert.That(error, Is.EqualTo(BookError.OrderPoolFull));
    }
}
