using Engine.Book;
using Feeds;
using static Engine.Tests.Book.BookEvents;

namespace Engine.Tests.Book;

public sealed class OrderBookTests
{
    private static OrderBook NewBook(int maxOrders = 64, int maxLevels = 16) =>
        new(new BookOptions { MaxOrders = maxOrders, MaxLevelsPerSide = maxLevels });

    private static BookError Apply(OrderBook book, MarketDataEvent e) => book.Apply(ref e);

    private static BookLevel[] Depth(OrderBook book, Side side, int levels = 8)
    {
        var buffer = new BookLevel[levels];
        return buffer[..book.GetDepth(side, buffer)];
    }

    [Test]
    public void Apply_AddsAtThreePrices_DepthIsSortedBestFirst()
    {
        var book = NewBook();

        Apply(book, Add(1, Side.Buy, 100, 5));
        Apply(book, Add(2, Side.Buy, 102, 7));
        Apply(book, Add(3, Side.Buy, 101, 1));
        Apply(book, Add(4, Side.Sell, 105, 2));
        Apply(book, Add(5, Side.Sell, 103, 3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Depth(book, Side.Buy), Is.EqualTo(new[] { new BookLevel(102, 7, 1), new BookLevel(101, 1, 1), new BookLevel(100, 5, 1) }));
            Assert.That(Depth(book, Side.Sell), Is.EqualTo(new[] { new BookLevel(103, 3, 1), new BookLevel(105, 2, 1) }));
            Assert.That(book.OrderCount, Is.EqualTo(5));
            Assert.That(book.FindInvariantViolation(), Is.Null);
        }
    }

    [Test]
    public void Apply_PartialCancelThenExecuteThenDelete_LevelShrinksThenGoes()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Sell, 200, 10));
        Apply(book, Add(2, Side.Sell, 200, 4));

        var cancel = Apply(book, Cancel(1, 3));
        var execute = Apply(book, Execute(1, 7));
        var depthAfterExecute = Depth(book, Side.Sell);
        var delete = Apply(book, Delete(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cancel, Is.EqualTo(BookError.None));
            Assert.That(execute, Is.EqualTo(BookError.None));
            Assert.That(delete, Is.EqualTo(BookError.None));
            Assert.That(depthAfterExecute, Is.EqualTo(new[] { new BookLevel(200, 4, 1) }));
            Assert.That(book.LevelCount(Side.Sell), Is.Zero);
            Assert.That(book.OrderCount, Is.Zero);
        }
    }

    [Test]
    public void Apply_ReplaceToSamePrice_LosesQueuePlace()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Buy, 100, 5));
        Apply(book, Add(2, Side.Buy, 100, 3));

        var error = Apply(book, Replace(1, 10, 100, 6));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.EqualTo(BookError.None));
            Assert.That(book.TryGetQueuePosition(10, out var replaced), Is.True);
            Assert.That(replaced.AtPriceQuantity, Is.EqualTo(3), "the new order waits behind order 2");
            Assert.That(book.TryGetQueuePosition(2, out var first), Is.True);
            Assert.That(first.AtPriceQuantity, Is.Zero);
            Assert.That(Depth(book, Side.Buy), Is.EqualTo(new[] { new BookLevel(100, 9, 2) }));
        }
    }

    [Test]
    public void Apply_ReplaceToNewPrice_MovesTheOrderAndKeepsItsSide()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Sell, 110, 5));

        Apply(book, Replace(1, 2, 108, 4));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Depth(book, Side.Sell), Is.EqualTo(new[] { new BookLevel(108, 4, 1) }));
            Assert.That(book.TryGetQueuePosition(1, out _), Is.False);
        }
    }

    [Test]
    public void Apply_UnknownOrderIds_AreCountedAndChangeNothing()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Buy, 100, 5));

        var errors = new[] { Apply(book, Cancel(9, 1)), Apply(book, Execute(9, 1)), Apply(book, Delete(9)), Apply(book, Replace(9, 10, 100, 1)) };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.All.EqualTo(BookError.UnknownOrder));
            Assert.That(book.ErrorCount(BookError.UnknownOrder), Is.EqualTo(4));
            Assert.That(book.ErrorTotal, Is.EqualTo(4));
            Assert.That(book.LastError, Is.EqualTo(BookError.UnknownOrder));
            Assert.That(Depth(book, Side.Buy), Is.EqualTo(new[] { new BookLevel(100, 5, 1) }));
        }
    }

    [Test]
    public void Apply_DuplicateAddAndReplaceOntoLiveId_AreRejected()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Buy, 100, 5));
        Apply(book, Add(2, Side.Buy, 99, 5));

        var add = Apply(book, Add(1, Side.Sell, 120, 5));
        var replace = Apply(book, Replace(1, 2, 101, 5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(add, Is.EqualTo(BookError.DuplicateOrderId));
            Assert.That(replace, Is.EqualTo(BookError.DuplicateOrderId));
            Assert.That(book.ErrorCount(BookError.DuplicateOrderId), Is.EqualTo(2));
            Assert.That(book.OrderCount, Is.EqualTo(2));
            Assert.That(book.LevelCount(Side.Sell), Is.Zero);
        }
    }

    [Test]
    public void Apply_PoolFull_RejectsTheAddUntilAnOrderLeaves()
    {
        var book = NewBook(maxOrders: 2);
        Apply(book, Add(1, Side.Buy, 100, 5));
        Apply(book, Add(2, Side.Buy, 100, 5));

        var full = Apply(book, Add(3, Side.Buy, 100, 5));
        Apply(book, Delete(1));
        var afterDelete = Apply(book, Add(3, Side.Buy, 100, 5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(full, Is.EqualTo(BookError.OrderPoolFull));
            Assert.That(afterDelete, Is.EqualTo(BookError.None));
            Assert.That(book.ErrorCount(BookError.OrderPoolFull), Is.EqualTo(1));
        }
    }

    [Test]
    public void Apply_LevelsFull_RejectsANewPriceButNotAKnownOne()
    {
        var book = NewBook(maxLevels: 2);
        Apply(book, Add(1, Side.Buy, 100, 5));
        Apply(book, Add(2, Side.Buy, 101, 5));

        var newPrice = Apply(book, Add(3, Side.Buy, 102, 5));
        var knownPrice = Apply(book, Add(4, Side.Buy, 101, 5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(newPrice, Is.EqualTo(BookError.LevelsFull));
            Assert.That(knownPrice, Is.EqualTo(BookError.None));
            Assert.That(book.OrderCount, Is.EqualTo(3));
        }
    }

    [TestCase(0, Side.Buy)]
    [TestCase(-5, Side.Buy)]
    [TestCase(5, Side.None)]
    public void Apply_AddWithBadSizeOrSide_IsInvalid(long quantity, Side side)
    {
        var book = NewBook();

        Assert.That(Apply(book, Add(1, side, 100, quantity)), Is.EqualTo(BookError.InvalidEvent));
    }

    [Test]
    public void Apply_ExecuteMoreThanRests_RemovesTheOrderAndSaysSo()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Buy, 100, 5));

        var error = Apply(book, Execute(1, 8));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.EqualTo(BookError.QuantityExceedsOrder));
            Assert.That(book.OrderCount, Is.Zero);
            Assert.That(book.LevelCount(Side.Buy), Is.Zero);
        }
    }

    [Test]
    public void Apply_LevelSetAndClear_FeedTheLevelsDirectly()
    {
        var book = NewBook();
        Apply(book, LevelSet(Side.Buy, 100, 5));
        Apply(book, LevelSet(Side.Buy, 99, 2));
        Apply(book, LevelSet(Side.Sell, 101, 4));
        Apply(book, LevelSet(Side.Buy, 100, 8));
        Apply(book, LevelSet(Side.Buy, 99, 0));

        var bids = Depth(book, Side.Buy);
        Apply(book, Clear(Side.Sell));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bids, Is.EqualTo(new[] { new BookLevel(100, 8, 0) }));
            Assert.That(book.LevelCount(Side.Sell), Is.Zero);
            Assert.That(book.LevelCount(Side.Buy), Is.EqualTo(1));
        }
    }

    [Test]
    public void Apply_LevelSetOnAnOrderLevel_IsMixedFeed()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Buy, 100, 5));
        Apply(book, LevelSet(Side.Buy, 99, 5));

        var onOrders = Apply(book, LevelSet(Side.Buy, 100, 1));
        var addOnLevel = Apply(book, Add(2, Side.Buy, 99, 1));
        var quote = Apply(book, Quote(100, 1, 101, 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(onOrders, Is.EqualTo(BookError.MixedFeed));
            Assert.That(addOnLevel, Is.EqualTo(BookError.MixedFeed));
            Assert.That(quote, Is.EqualTo(BookError.MixedFeed));
            Assert.That(book.FindInvariantViolation(), Is.Null);
        }
    }

    [Test]
    public void Apply_ClearBookWithOrders_ReturnsThemToThePool()
    {
        var book = NewBook(maxOrders: 2);
        Apply(book, Add(1, Side.Buy, 100, 5));
        Apply(book, Add(2, Side.Sell, 101, 5));

        Apply(book, Clear(Side.None));
        var reAdd = Apply(book, Add(1, Side.Buy, 100, 5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reAdd, Is.EqualTo(BookError.None));
            Assert.That(book.OrderCount, Is.EqualTo(1));
            Assert.That(book.FindInvariantViolation(), Is.Null);
        }
    }

    [Test]
    public void Apply_Quote_IsOneLevelPerSide()
    {
        var book = NewBook();
        Apply(book, Quote(100, 3, 102, 1));

        Apply(book, Quote(101, 2, 0, 0));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Depth(book, Side.Buy), Is.EqualTo(new[] { new BookLevel(101, 2, 0) }));
            Assert.That(book.LevelCount(Side.Sell), Is.Zero);
        }
    }

    [Test]
    public void Queries_TwoSidedBook_GiveSpreadMidMicropriceAndImbalance()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Buy, 100, 30));
        Apply(book, Add(2, Side.Buy, 99, 10));
        Apply(book, Add(3, Side.Sell, 104, 10));
        Apply(book, Add(4, Side.Sell, 105, 30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(book.TryGetSpreadTicks(out long spread) && spread == 4, Is.True);
            Assert.That(book.TryGetMidSubTicks(out long mid) && mid == 102 * OrderBook.SubTicksPerTick, Is.True);
            // 100 + 4 x 30 / 40 = 103: leans to the ask, where there is less size.
            Assert.That(book.TryGetMicropriceSubTicks(out long micro) && micro == 103 * OrderBook.SubTicksPerTick, Is.True);
            Assert.That(book.TryGetImbalanceBasisPoints(1, out long top) && top == 5_000, Is.True);
            Assert.That(book.TryGetImbalanceBasisPoints(2, out long two) && two == 0, Is.True);
        }
    }

    [Test]
    public void Queries_OneSidedBook_ReturnFalse()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Buy, 100, 30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(book.TryGetSpreadTicks(out _), Is.False);
            Assert.That(book.TryGetMidSubTicks(out _), Is.False);
            Assert.That(book.TryGetMicropriceSubTicks(out _), Is.False);
            Assert.That(book.TryGetBest(Side.Sell, out _), Is.False);
            Assert.That(book.TryGetImbalanceBasisPoints(5, out long imbalance) && imbalance == OrderBook.ImbalanceScale, Is.True);
        }
    }

    [Test]
    public void QueueAhead_OfPrices_CountsBetterLevelsAndTheWholeLevel()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Sell, 101, 5));
        Apply(book, Add(2, Side.Sell, 102, 7));
        Apply(book, Add(3, Side.Sell, 102, 1));
        Apply(book, Add(4, Side.Sell, 104, 9));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(book.QueueAhead(Side.Sell, 102), Is.EqualTo(new QueuePosition(8, 5)));
            Assert.That(book.QueueAhead(Side.Sell, 103), Is.EqualTo(new QueuePosition(0, 13)));
            Assert.That(book.QueueAhead(Side.Sell, 100), Is.EqualTo(new QueuePosition(0, 0)));
            Assert.That(book.TryGetQueuePosition(3, out var third), Is.True);
            Assert.That(third, Is.EqualTo(new QueuePosition(7, 5)));
            Assert.That(third.TotalQuantity, Is.EqualTo(12));
        }
    }

    [Test]
    public void Condition_LockedThenCrossedThenNormal_IsFlaggedAndCounted()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Buy, 100, 1));
        Apply(book, Add(2, Side.Sell, 100, 1));
        var locked = book.Condition;
        Apply(book, Add(3, Side.Buy, 101, 1));
        var crossed = book.Condition;

        Apply(book, Delete(3));
        Apply(book, Delete(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(locked, Is.EqualTo(BookCondition.Locked));
            Assert.That(crossed, Is.EqualTo(BookCondition.Crossed));
            Assert.That(book.Condition, Is.EqualTo(BookCondition.Normal));
            Assert.That(book.CrossedOrLockedEventCount, Is.EqualTo(3));
        }
    }

    [Test]
    public void Apply_TradingStatusAndTrade_RecordStatusAndLeaveLevels()
    {
        var book = NewBook();
        Apply(book, Add(1, Side.Buy, 100, 1));

        var trade = Apply(book, new MarketDataEvent { Kind = MarketDataKind.Trade, PriceTicks = 100, Quantity = 1 });
        Apply(book, new MarketDataEvent { Kind = MarketDataKind.TradingStatus, Status = (byte)TradingStatus.Halted });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(trade, Is.EqualTo(BookError.None));
            Assert.That(book.TradingStatus, Is.EqualTo(TradingStatus.Halted));
            Assert.That(book.OrderCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void Apply_WarmedUpMixOfOperationsAndQueries_AllocatesNothing()
    {
        var book = NewBook(maxOrders: 1024, maxLevels: 64);
        Span<BookLevel> depth = stackalloc BookLevel[10];
        RunMix(book, depth, rounds: 2_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunMix(book, depth, rounds: 20_000);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(after - before, Is.Zero);
    }

    private static void RunMix(OrderBook book, Span<BookLevel> depth, int rounds)
    {
        var e = default(MarketDataEvent);
        for (int round = 0; round < rounds; round++)
        {
            long id = round * 4L;
            e = Add(id, Side.Buy, 100 - (round % 10), 10);
            book.Apply(ref e);
            e = Add(id + 1, Side.Sell, 101 + (round % 10), 10);
            book.Apply(ref e);
            e = Cancel(id, 3);
            book.Apply(ref e);
            e = Replace(id + 1, id + 2, 102 + (round % 7), 5);
            book.Apply(ref e);
            e = Execute(id, 7);
            book.Apply(ref e);
            e = Delete(id + 2);
            book.Apply(ref e);
            e = Delete(-1);
            book.Apply(ref e);
            book.GetDepth(Side.Buy, depth);
            book.TryGetMicropriceSubTicks(out _);
            book.TryGetImbalanceBasisPoints(5, out _);
            book.QueueAhead(Side.Sell, 105);
        }
    }
}
