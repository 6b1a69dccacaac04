using Engine.Book;
using Feeds;
using static Engine.Tests.Book.BookEvents;

namespace Engine.Tests.Book;

public sealed class OrderBooksTests
{
    [Test]
    public void Apply_EventForAnInstrument_ReachesOnlyItsBook()
    {
        var books = new OrderBooks(new BookOptions { Instruments = 3, MaxOrdersPerBook = 8, MaxLevelsPerSide = 4 });
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
        var books = new OrderBooks(new BookOptions { Instruments = 3, MaxOrdersPerBook = 8, MaxLevelsPerSide = 4 });
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
}
