using Engine.Book;
using Feeds;

namespace Engine.Tests.Book;

public sealed class OrderBookValidityTests
{
    [TestCase(FeedStatus.Stale)]
    [TestCase(FeedStatus.Gap)]
    [TestCase(FeedStatus.Resync)]
    [TestCase(FeedStatus.Disconnected)]
    public void Apply_FeedTrouble_MarksTheBookInvalid(FeedStatus status)
    {
        var book = new OrderBook(new BookOptions());
        var e = Status(0, status);

        book.Apply(ref e);

        Assert.That(book.IsValid, Is.False);
    }

    [Test]
    public void Apply_LevelBookAfterStale_StaysInvalidOnReconnectUntilItsSnapshot()
    {
        var book = new OrderBook(new BookOptions());
        var level = new MarketDataEvent { Kind = MarketDataKind.LevelSet, Side = Side.Buy, PriceTicks = 100, Quantity = 5 };
        book.Apply(ref level);
        var stale = Status(0, FeedStatus.Stale);
        var connected = Status(0, FeedStatus.Connected);
        var clear = new MarketDataEvent { Kind = MarketDataKind.ClearBook, Side = Side.None };

        book.Apply(ref stale);
        book.Apply(ref connected);
        bool validBeforeSnapshot = book.IsValid;
        book.Apply(ref clear);

        Assert.That(validBeforeSnapshot, Is.False);
        Assert.That(book.IsValid, Is.True);
    }

    [Test]
    public void Apply_OrderBookAfterDisconnect_IsValidAgainWhenItsFeedResumesWithoutLoss()
    {
        var book = new OrderBook(new BookOptions());
        var add = new MarketDataEvent { Kind = MarketDataKind.Add, OrderId = 1, Side = Side.Sell, PriceTicks = 101, Quantity = 10 };
        book.Apply(ref add);
        var disconnected = Status(0, FeedStatus.Disconnected);
        var connected = Status(0, FeedStatus.Connected);

        book.Apply(ref disconnected);
        bool validWhileDown = book.IsValid;
        book.Apply(ref connected);

        Assert.That(validWhileDown, Is.False);
        Assert.That(book.IsValid, Is.True);
    }

    [Test]
    public void Apply_FeedWideGap_InvalidatesEveryBook()
    {
        var books = new OrderBooks(new BookOptions { Instruments = 3 });
        var gap = Status(-1, FeedStatus.Gap);

        var outcome = books.Apply(ref gap);

        Assert.That(outcome, Is.EqualTo(BookError.None));
        Assert.That(Enumerable.Range(0, books.Count).Select(id => books[id].IsValid), Is.All.False);
        Assert.That(books.UnknownInstrumentCount, Is.Zero);
    }

    private static MarketDataEvent Status(int instrumentId, FeedStatus status) =>
        new() { Kind = MarketDataKind.FeedStatus, InstrumentId = instrumentId, Status = (byte)status };
}
