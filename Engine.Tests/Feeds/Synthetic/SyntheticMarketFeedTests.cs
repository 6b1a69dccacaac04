using Engine.Tests.Support;
using Feeds;
using Feeds.Synthetic;

namespace Engine.Tests.Feeds.Synthetic;

public sealed class SyntheticMarketFeedTests
{
    private static SyntheticFeedOptions Options(long maxEvents, ulong seed = 42, int threads = 1, int instruments = 4) => new()
    {
        Instruments = instruments,
        Threads = threads,
        RateEventsPerSecond = 0,
        MaxEventsPerThread = maxEvents,
        Seed = seed,
    };

    private static RecordingSink Run(SyntheticFeedOptions options, int threadIndex = 0)
    {
        var sink = new RecordingSink();
        var feed = new SyntheticMarketFeed(options, threadIndex, sink);
        feed.Run(CancellationToken.None);
        return sink;
    }

    [TestCase(0)]
    [TestCase(2)]
    public void Run_SameSeedTwice_PublishesTheSameStream(int threadIndex)
    {
        var options = Options(50_000, seed: 1234, threads: 3, instruments: 10);

        long first = Run(options, threadIndex).Checksum();
        long second = Run(options, threadIndex).Checksum();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Run_OtherSeed_PublishesAnotherStream()
    {
        long first = Run(Options(10_000, seed: 1)).Checksum();
        long second = Run(Options(10_000, seed: 2)).Checksum();

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void Run_OtherThreadIndexSameSeed_PublishesAnotherStream()
    {
        var options = Options(10_000, threads: 2);

        long first = Run(options, threadIndex: 0).Checksum();
        long second = Run(options, threadIndex: 1).Checksum();

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [TestCase(1)]
    [TestCase(63)]
    [TestCase(64)]
    [TestCase(65)]
    [TestCase(1000)]
    [TestCase(100_000)]
    public void Run_MaxEventsPerThread_PublishesExactlyThatMany(long maxEvents)
    {
        var sink = new RecordingSink();
        var feed = new SyntheticMarketFeed(Options(maxEvents), 0, sink);

        feed.Run(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Events, Has.Count.EqualTo(maxEvents));
            Assert.That(feed.Published, Is.EqualTo(maxEvents));
        }
    }

    [Test]
    public void Run_WithHealth_ConnectedWhileRunningAndEveryEventCounted()
    {
        var health = new FeedHealth("synthetic-0");
        bool connectedWhilePublishing = true;
        var sink = new RecordingSink(_ => connectedWhilePublishing &= health.IsConnected);
        var feed = new SyntheticMarketFeed(Options(1000), 0, sink, health);

        feed.Run(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(connectedWhilePublishing, Is.True);
            Assert.That((health.IsConnected, health.IsStale, health.Reconnects), Is.EqualTo((false, false, 0L)), "finished: no longer connected");
            Assert.That(health.Messages, Is.EqualTo(1000));
        }
    }

    [Test]
    public void Run_AlreadyCancelled_PublishesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var sink = new RecordingSink();
        var feed = new SyntheticMarketFeed(Options(0), 0, sink);

        feed.Run(cancellation.Token);

        Assert.That(sink.Events, Is.Empty);
    }

    [Test]
    public void Run_CancelledWhilePublishing_StopsWithinOnePacingBatch()
    {
        using var cancellation = new CancellationTokenSource();
        var sink = new RecordingSink(count =>
        {
            if (count == 1000)
            {
                cancellation.Cancel();
            }
        });
        var feed = new SyntheticMarketFeed(Options(0), 0, sink); // unlimited: only the token stops it

        feed.Run(cancellation.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Events, Has.Count.InRange(1000, 1000 + 64));
            Assert.That(feed.Published, Is.EqualTo(sink.Events.Count));
        }
    }

    [Test]
    public void Run_DeletesAndExecutions_OnlyReferToLiveOrders()
    {
        var sink = Run(Options(200_000, seed: 99));
        var live = new Dictionary<long, MarketDataEvent>();
        int unknown = 0, mismatched = 0, overExecuted = 0, reusedIds = 0, adds = 0, deletes = 0, executes = 0, trades = 0;
        var everAdded = new HashSet<long>();

        foreach (var e in sink.Events)
        {
            switch (e.Kind)
            {
                case MarketDataKind.Add:
                    adds++;
                    if (!everAdded.Add(e.OrderId))
                    {
                        reusedIds++;
                    }
                    live[e.OrderId] = e;
                    break;
                case MarketDataKind.Delete:
                    deletes++;
                    if (!live.Remove(e.OrderId, out var deleted))
                    {
                        unknown++;
                    }
                    else if (deleted.Quantity != e.Quantity || deleted.PriceTicks != e.PriceTicks || deleted.Side != e.Side || deleted.InstrumentId != e.InstrumentId)
                    {
                        mismatched++;
                    }
                    break;
                case MarketDataKind.Execute:
                    executes++;
                    if (!live.TryGetValue(e.OrderId, out var resting))
                    {
                        unknown++;
                    }
                    else if (e.Quantity <= 0 || e.Quantity > resting.Quantity)
                    {
                        overExecuted++;
                    }
                    else
                    {
                        if (resting.PriceTicks != e.PriceTicks || resting.Side != e.Side || resting.InstrumentId != e.InstrumentId)
                        {
                            mismatched++;
                        }
                        resting.Quantity -= e.Quantity;
                        if (resting.Quantity == 0)
                        {
                            live.Remove(e.OrderId);
                        }
                        else
                        {
                            live[e.OrderId] = resting;
                        }
                    }
                    break;
                case MarketDataKind.Trade:
                    trades++;
                    break;
                default:
                    unknown++;
                    break;
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknown, Is.Zero, "a delete or execution named an order that was never added or already gone");
            Assert.That(mismatched, Is.Zero, "a delete or execution disagreed with the order's side, price, instrument or remaining quantity");
            Assert.That(overExecuted, Is.Zero, "an execution exceeded the order's remaining quantity");
            Assert.That(reusedIds, Is.Zero, "an order id was added twice");
            Assert.That(new[] { adds, deletes, executes, trades }, Has.All.GreaterThan(0), "every kind occurs");
        }
    }

    [Test]
    public void Run_SeveralThreads_EachOnlyItsInstrumentsAndDisjointOrderIds()
    {
        var options = Options(20_000, threads: 3, instruments: 10);
        var orderIdsByThread = new HashSet<long>[3];
        int foreignInstruments = 0;

        for (int t = 0; t < 3; t++)
        {
            orderIdsByThread[t] = [];
            foreach (var e in Run(options, t).Events)
            {
                if (e.InstrumentId % 3 != t || e.InstrumentId >= 10)
                {
                    foreignInstruments++;
                }
                if (e.Kind == MarketDataKind.Add)
                {
                    orderIdsByThread[t].Add(e.OrderId);
                }
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(foreignInstruments, Is.Zero);
            Assert.That(orderIdsByThread[0].Overlaps(orderIdsByThread[1]), Is.False);
            Assert.That(orderIdsByThread[0].Overlaps(orderIdsByThread[2]), Is.False);
            Assert.That(orderIdsByThread[1].Overlaps(orderIdsByThread[2]), Is.False);
        }
    }

    [Test]
    public void Run_Events_HaveAKindAndSensibleFields()
    {
        var sink = Run(Options(20_000));
        int bad = 0;

        foreach (var e in sink.Events)
        {
            bool ok = e.Kind switch
            {
                MarketDataKind.Add => e.OrderId > 0 && e.PriceTicks > 0 && e.Quantity > 0 && e.Side != Side.None,
                MarketDataKind.Delete or MarketDataKind.Execute => e.OrderId > 0 && e.Quantity > 0,
                MarketDataKind.Trade => e.OrderId == 0 && e.PriceTicks > 0 && e.Quantity > 0 && e.Side != Side.None,
                _ => false,
            };
            if (!ok)
            {
                bad++;
            }
        }

        Assert.That(bad, Is.Zero);
    }

    [TestCase(-1)]
    [TestCase(2)]
    public void Constructor_ThreadIndexOutsideThreads_ThrowsArgumentOutOfRange(int threadIndex)
    {
        Assert.That(() => new SyntheticMarketFeed(Options(10, threads: 2), threadIndex, new RecordingSink()), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    /// <remarks>
    /// Regression (rate 1, 2 threads): the per-thread rate was an integer division, so a total rate
    /// below the thread count became 0, which means unpaced.
    /// </remarks>
    [TestCase(2, 2)]
    [TestCase(1, 2)]
    public void Run_AfterFirstBatchAtLowRate_WaitsForTheNextEventsDueTime(long rateEventsPerSecond, int threads)
    {
        var options = Options(maxEvents: 128, threads: threads) with { RateEventsPerSecond = rateEventsPerSecond };
        var sink = new RecordingSink();
        var feed = new SyntheticMarketFeed(options, 0, sink);
        using var cancellation = new CancellationTokenSource();

        var worker = WorkerThread.Start("paced-feed", () => feed.Run(cancellation.Token));
        // At this rate the second batch of 64 is due a minute or more after the first: a paced
        // feed cannot finish within this check however slow the machine is.
        bool finishedEarly = worker.TryJoin(TestTimeouts.StillBlocked);
        cancellation.Cancel();
        worker.Join(TestTimeouts.Join);

        Assert.That(finishedEarly, Is.False, $"{rateEventsPerSecond} event/s over {threads} threads ran unpaced ({sink.Events.Count} events at once)");
    }

    [TestCase(42UL)]
    [TestCase(7UL)]
    public void Run_AnyStream_KeepsEveryBookUncrossedWithTheMidInsideTheSpread(ulong seed)
    {
        var books = new Engine.Book.OrderBooks(new Engine.Book.BookOptions { Instruments = 4 });
        long crossed = 0;
        long executionsOffTheTouch = 0;
        long twoSided = 0;
        var sink = Run(Options(200_000, seed));

        foreach (var e in sink.Events)
        {
            var book = books[e.InstrumentId];
            if (e.Kind == MarketDataKind.Execute && book.TryGetBest(e.Side, out var touch) && touch.PriceTicks != e.PriceTicks)
            {
                executionsOffTheTouch++;
            }
            var copy = e;
            books.Apply(ref copy);
            if (book.TryGetSpreadTicks(out long spread))
            {
                twoSided++;
                crossed += spread <= 0 ? 1 : 0;
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(crossed, Is.Zero, "a crossed or locked book");
            Assert.That(executionsOffTheTouch, Is.Zero, "executions take the best price (or the level the mid reached)");
            Assert.That(twoSided, Is.GreaterThan(190_000));
            Assert.That(books.ErrorTotal(), Is.Zero);
        }
    }

    [TestCase(42UL)]
    [TestCase(7UL)]
    public void NextClosingEvent_AfterAnyStream_DeletesEveryLiveOrderAndEmptiesTheBooks(ulong seed)
    {
        var books = new Engine.Book.OrderBooks(new Engine.Book.BookOptions { Instruments = 4 });
        var feed = new SyntheticMarketFeed(Options(0, seed), 0, new RecordingSink());
        var e = default(MarketDataEvent);
        for (int n = 0; n < 50_000; n++)
        {
            feed.NextEvent(ref e);
            books.Apply(ref e);
        }
        int live = books[0].OrderCount + books[1].OrderCount + books[2].OrderCount + books[3].OrderCount;
        long lastNs = e.TsEventNs;
        int closing = 0;

        while (feed.NextClosingEvent(ref e))
        {
            Assert.That((e.Kind, e.TsEventNs > lastNs), Is.EqualTo((MarketDataKind.Delete, true)));
            lastNs = e.TsEventNs;
            books.Apply(ref e);
            closing++;
        }

        Assert.That(live, Is.GreaterThan(0));
        Assert.That(closing, Is.EqualTo(live));
        Assert.That(books[0].OrderCount + books[1].OrderCount + books[2].OrderCount + books[3].OrderCount, Is.Zero);
        Assert.That(books.ErrorTotal(), Is.Zero);
    }

    [Test]
    public void BestLive_AfterEveryEvent_IsWhatAFullScanFinds()
    {
        var feed = new SyntheticMarketFeed(Options(0), 0, new RecordingSink());
        var e = new MarketDataEvent();
        long mismatches = 0;

        for (int n = 0; n < 100_000; n++)
        {
            feed.NextEvent(ref e);
            for (int slot = 0; slot < 4; slot++)
            {
                mismatches += feed.BestLive(slot, Side.Buy) == feed.ScanBestLive(slot, Side.Buy) ? 0 : 1;
                mismatches += feed.BestLive(slot, Side.Sell) == feed.ScanBestLive(slot, Side.Sell) ? 0 : 1;
            }
        }

        Assert.That(mismatches, Is.Zero, "the kept best order is the one a scan of the live orders finds");
    }
}
