using System.Diagnostics;
using Engine.Backtest;
using Engine.Book;
using Engine.Config;
using Engine.Host;
using Engine.MarketData;
using Engine.Metrics;
using Engine.Risk;
using Engine.Tests.Alpaca;
using Engine.Tests.Backtest;
using Engine.Tests.Support;
using Engine.Venues;
using Engine.Venues.Paper;
using Feeds;
using Feeds.Lobster;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.MarketData;

/// <summary><c>feeds.replay</c>: a recorded file into the running engine at its recorded pace, checked against the file's own book.</summary>
public sealed class ReplayFeedTests
{
    private static MarketDataEvent Add(int instrument, long orderId, long tsNs) =>
        new() { InstrumentId = instrument, Kind = MarketDataKind.Add, Side = Side.Buy, OrderId = orderId, PriceTicks = 100, Quantity = 1, TsEventNs = tsNs };

    private static string KrakenFile => Path.Combine(RepositoryPaths.Root(), "testdata", "kraken", "KRAKEN.ws.50.0");

    private static ReplayFeedOptions Lobster(Action<ReplayFeedOptions>? change = null)
    {
        var replay = new ReplayFeedOptions { Enabled = true, Path = BacktestFixture.Lobster("message"), OrderbookPath = BacktestFixture.Lobster("orderbook"), Speed = 0 };
        change?.Invoke(replay);
        return replay;
    }

    [Test]
    public void Run_Unpaced_PublishesEveryEventInOrderWithItsIdMoved()
    {
        var sink = new ConcurrentRecordingSink();
        var feed = new ReplayFeed([Add(0, 1, 10), Add(1, 2, 20), Add(0, 3, 30)], instruments: 2, instrumentOffset: 5, speed: 0, sink);

        feed.Run(CancellationToken.None);

        Assert.That(sink.Events.Select(e => (e.InstrumentId, e.OrderId)),
            Is.EqualTo(new[] { (5, 1L | ReplayFeed.OrderIdSpace), (6, 2L | ReplayFeed.OrderIdSpace), (5, 3L | ReplayFeed.OrderIdSpace) }),
            "ids moved, order ids in the replay's own range (the synthetic market's start at 1 too)");
        Assert.That((feed.Health.Messages, feed.Health.IsConnected, feed.Health.IsFinished), Is.EqualTo((3L, false, true)), "done: reads finished");
    }

    [Test]
    public void Run_Replace_BothOrderIdsInTheReplaysRange()
    {
        var sink = new ConcurrentRecordingSink();
        var replace = new MarketDataEvent { Kind = MarketDataKind.Replace, OrderId = 7, NewOrderId = 8, PriceTicks = 100, Quantity = 1 };
        var trade = new MarketDataEvent { Kind = MarketDataKind.Trade, OrderId = 0, PriceTicks = 100, Quantity = 1 };

        new ReplayFeed([replace, trade], 1, 0, 0, sink).Run(CancellationToken.None);

        Assert.That((sink.Events[0].OrderId, sink.Events[0].NewOrderId), Is.EqualTo((7L | ReplayFeed.OrderIdSpace, 8L | ReplayFeed.OrderIdSpace)));
        Assert.That(sink.Events[1].OrderId, Is.Zero, "no id stays no id");
    }

    [Test]
    public void Run_FeedWideEvent_GoesToEachOfTheFilesInstrumentsOnly()
    {
        var sink = new ConcurrentRecordingSink();
        var gap = new MarketDataEvent { InstrumentId = -1, Kind = MarketDataKind.FeedStatus, Status = (byte)FeedStatus.Resync };

        new ReplayFeed([Add(0, 1, 0), gap, Add(1, 2, 0)], instruments: 2, instrumentOffset: 4, speed: 0, sink).Run(CancellationToken.None);

        Assert.That(sink.Events.Select(e => (e.InstrumentId, e.Kind)),
            Is.EqualTo(new[] { (4, MarketDataKind.Add), (4, MarketDataKind.FeedStatus), (5, MarketDataKind.FeedStatus), (5, MarketDataKind.Add) }),
            "not instrument 3, another feed's, as moving -1 by the offset gave");
    }

    [Test]
    public void DueTicks_RecordedTimeSinceTheFirstEventOverTheSpeed()
    {
        var feed = new ReplayFeed([Add(0, 1, 5_000_000_000), Add(0, 2, 6_000_000_000), Add(0, 3, 8_000_000_000)], 1, 0, speed: 10, new ConcurrentRecordingSink());

        Assert.That(Enumerable.Range(0, 3).Select(i => feed.DueTicks(i, startTicks: 1_000)),
            Is.EqualTo(new[] { 1_000, 1_000 + (Stopwatch.Frequency / 10), 1_000 + (3 * Stopwatch.Frequency / 10) }));
    }

    [Test]
    public void Run_Paced_WaitsForEachEventsTime()
    {
        var sink = new ConcurrentRecordingSink();
        var feed = new ReplayFeed([Add(0, 1, 0), Add(0, 2, 60_000_000), Add(0, 3, 120_000_000)], 1, 0, speed: 1, sink);

        long start = Stopwatch.GetTimestamp();
        feed.Run(CancellationToken.None);

        Assert.That(Stopwatch.GetElapsedTime(start), Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(120)), "the last event is 120 ms after the first");
        Assert.That(sink.Events, Has.Count.EqualTo(3));
    }

    [Test]
    public void Run_Stopped_PublishesNothingMore()
    {
        var sink = new ConcurrentRecordingSink();
        var feed = new ReplayFeed([Add(0, 1, 0), Add(0, 2, 3_600_000_000_000)], 1, 0, speed: 1, sink);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        feed.Run(stop.Token);

        Assert.That(sink.Events, Has.Count.EqualTo(1), "the second event was an hour away");
        Assert.That((feed.Health.IsConnected, feed.Health.IsFinished), Is.EqualTo((false, false)), "stopped before its end: disconnected, not finished");
    }

    [Test]
    public void Validate_Disabled_ChecksNothing()
    {
        var errors = new List<string>();
        new ReplayFeedOptions { Path = "/nowhere", Speed = -1 }.Validate("feeds.replay", errors);

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Validate_EveryBadKey_IsReportedWithItsPath()
    {
        var errors = new List<string>();
        Lobster(r => (r.Path, r.Symbols, r.Date, r.Speed) = ("/nowhere.csv", ["AAPL"], "21-06-2012", 5_000_000)).Validate("feeds.replay", errors);

        Assert.That(errors, Has.Count.EqualTo(4));
        Assert.That(errors, Has.Some.StartsWith("feeds.replay.path: file not found: '/nowhere.csv'"));
        Assert.That(errors, Has.Some.StartsWith("feeds.replay.symbols:"));
        Assert.That(errors, Has.Some.StartsWith("feeds.replay.date:"));
        Assert.That(errors, Has.Some.StartsWith("feeds.replay.speed: 5000000 is outside"));
    }

    [Test]
    public void Validate_OrderbookWithItch_IsReported()
    {
        var errors = new List<string>();
        Lobster(r => r.Format = BacktestFormat.Itch).Validate("feeds.replay", errors);

        Assert.That(errors, Is.EqualTo(new[] { $"feeds.replay.orderbookPath: a LOBSTER orderbook file that exists, with format Lobster, or empty; got '{BacktestFixture.Lobster("orderbook")}'" }));
    }

    [Test]
    public void Parse_FeedsReplaySection_ReadsEveryKey()
    {
        string messages = BacktestFixture.Lobster("message");
        string orderbook = BacktestFixture.Lobster("orderbook");
        var options = ConfigLoader.Parse($$"""
            { "feeds": { "replay": { "enabled": true, "format": "Lobster", "path": "{{messages}}", "orderbookPath": "{{orderbook}}", "symbols": [],
                                     "date": "2012-06-21", "speed": 10 } } }
            """, "test.json");

        var replay = options.Feeds.Replay;
        Assert.That((replay.Enabled, replay.Format, replay.Path, replay.OrderbookPath, replay.Day(), replay.Speed),
            Is.EqualTo((true, BacktestFormat.Lobster, messages, orderbook, (DateOnly?)new DateOnly(2012, 6, 21), 10.0)));
    }

    [Test]
    public void Engine_ReplayingLobster_BookEndsAsTheFilesLastRow()
    {
        var options = TestEngines.Synthetic("replay-e2e", 1_000);
        options.Feeds = new FeedsOptions { Replay = Lobster() };
        Assert.That(options.Validate(), Is.Empty);
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        var aapl = host.Instruments[2];
        Assert.That((aapl.Symbol, aapl.PriceDecimals, aapl.Venue), Is.EqualTo(("AAPL", 4, "REPLAY")), "after SYN0, SYN1");
        var replay = host.Feeds.Single(f => f.Name == ReplayFeed.Name);

        host.Start();
        Eventually.Until(() => replay.IsFinished, TestTimeouts.LongRun, "the replay published the whole file");
        var readiness = HealthReport.Ready(host).Components.Single(c => c.Name == "feeds/replay");
        Assert.That(readiness.Detail, Does.StartWith("finished,"));
        Assert.That(readiness.Ok, Is.True, "a file played to its end is done, not down");
        Assert.That(host.Stop(), Is.True, "stopped and drained");

        var book = host.Books[2];
        Assert.That(book.ErrorTotal, Is.Zero);
        var last = LastRow();
        LobsterBookAssert.SideIsRow(book, Side.Sell, last, "after the replay");
        LobsterBookAssert.SideIsRow(book, Side.Buy, last, "after the replay");
        Assert.That(replay.Messages, Is.EqualTo(BacktestOptions.Load(BacktestFormat.Lobster, BacktestFixture.Lobster("message"), BacktestFixture.Lobster("orderbook"), null, null, 16).Events.Length));
    }

    [Test]
    public void Engine_ReplayAloneWithPaperLatency_FileTakesIdZeroAndTheVenueKeepsTheFilesClock()
    {
        var options = TestEngines.Synthetic("replay-alone", 1_000);
        options.Synthetic = options.Synthetic with { Enabled = false };
        options.Feeds = new FeedsOptions { Replay = Lobster() };
        options.Venues = new VenueOptions { Paper = new PaperVenueOptions { EntryLatencyUs = 500, ReportLatencyUs = 100 } };
        Assert.That(options.Validate(), Is.Empty, "one source: the paper venue's latency has one clock");
        var events = BacktestOptions.Load(BacktestFormat.Lobster, BacktestFixture.Lobster("message"), BacktestFixture.Lobster("orderbook"), null, null, 16).Events;
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        Assert.That((host.Instruments[0].Symbol, host.Instruments.Count), Is.EqualTo(("AAPL", 1)));
        Assert.That(host.Feeds.Select(f => f.Name), Is.EqualTo(new[] { ReplayFeed.Name }), "no synthetic feed thread");
        var replay = host.Feeds.Single();

        host.Start();
        Eventually.Until(() => replay.IsFinished, TestTimeouts.LongRun, "the replay published the whole file");
        Assert.That(host.Stop(), Is.True, "stopped and drained");

        Assert.That(host.Paper!.Matcher.ClockNs, Is.EqualTo(events.Max(e => e.TsEventNs)), "the venue's clock is the file's own, June 2012");
        LobsterBookAssert.SideIsRow(host.Books[0], Side.Buy, LastRow(), "after the replay");
    }

    [Test]
    public async Task Engine_ReplayingItch_BooksEndAsTheFileAppliedOnItsOwnAndMetricsCountItsErrors()
    {
        var options = TestEngines.Synthetic("replay-itch", 1_000);
        options.Feeds = new FeedsOptions { Replay = new ReplayFeedOptions { Enabled = true, Format = BacktestFormat.Itch, Path = BacktestFixture.Itch, Speed = 0 } };
        Assert.That(options.Validate(), Is.Empty);
        var data = BacktestOptions.Load(BacktestFormat.Itch, BacktestFixture.Itch, null, null, null, options.Book.Instruments - 2);
        var expected = new OrderBooks(options.Book);
        foreach (var e in data.Events)
        {
            var copy = e;
            expected.Apply(ref copy);
        }
        using var host = new EngineHost(options, NullLoggerFactory.Instance);
        var replay = host.Feeds.Single(f => f.Name == ReplayFeed.Name);

        host.Start();
        await using var server = await MetricsServer.StartAsync(options.Metrics, host, NullLoggerFactory.Instance);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        Eventually.Until(() => replay.IsFinished, TestTimeouts.LongRun, "the replay published the whole file");
        long unknown = BookErrorCounts.Read(expected)[BookError.UnknownOrder];
        Assert.That(unknown, Is.GreaterThan(0), "the sample refers to orders it never added");
        Eventually.Until(() => http.GetStringAsync("/metrics").GetAwaiter().GetResult().Contains($"engine_book_errors_total{{kind=\"UnknownOrder\"}} {unknown}\n", StringComparison.Ordinal),
            TestTimeouts.LongRun, $"/metrics counts the file's {unknown} unknown orders");
        Assert.That(host.Stop(), Is.True, "stopped and drained");

        Assert.That(data.Instruments, Has.Count.InRange(1, ItchBacktestData.DefaultSymbols), "the most active symbols, at most four");
        foreach (var instrument in data.Instruments)
        {
            int id = 2 + instrument.Id;
            Assert.That(host.Instruments[id].Symbol, Is.EqualTo(instrument.Symbol));
            var book = host.Books[id];
            Assert.That(Enum.GetValues<BookError>().Select(book.ErrorCount), Is.EqualTo(Enum.GetValues<BookError>().Select(expected[instrument.Id].ErrorCount)),
                $"{instrument.Symbol}: the errors the file itself carries, kind by kind");
            foreach (var side in new[] { Side.Buy, Side.Sell })
            {
                Assert.That(Depth(book, side), Is.EqualTo(Depth(expected[instrument.Id], side)).And.Not.Empty, $"{instrument.Symbol} {side}");
            }
        }
    }

    [Test]
    public void Engine_RiskDecimalsOtherThanTheFiles_RefusesNamingTheEntryToAdd()
    {
        var options = TestEngines.Synthetic("replay-decimals", 1_000);
        options.Feeds = new FeedsOptions { Replay = Lobster() };
        options.Risk = new RiskOptions { Instruments = [new RiskInstrumentOptions { InstrumentId = 2, PriceDecimals = 2 }] };

        var thrown = Assert.Throws<ConfigException>(() => new EngineHost(options, NullLoggerFactory.Instance));

        Assert.That(thrown!.Message, Does.Contain("AAPL (instrument id 2) has prices of 4 decimals and quantities of 0 in the file; give risk.instruments an entry { \"instrumentId\": 2, \"priceDecimals\": 4, \"quantityDecimals\": 0 }"));
    }

    [Test]
    public void Engine_SymbolAnotherFeedStreams_IsRefused()
    {
        var options = TestEngines.Synthetic("replay-twice", 1_000);
        options.Feeds = new FeedsOptions
        {
            Replay = Lobster(),
            Alpaca = new AlpacaFeedOptions { Enabled = true, Url = "ws://127.0.0.1:1/v2/iex", Quotes = ["AAPL"] },
        };
        Assert.That(options.Validate(), Is.Empty);

        var thrown = Assert.Throws<ConfigException>(() => new EngineHost(options, NullLoggerFactory.Instance, environment: name => name.StartsWith("APCA_", StringComparison.Ordinal) ? "x" : null));

        Assert.That(thrown!.Message, Does.Contain("AAPL is already instrument 2 of another feed"));
    }

    [Test]
    public void Engine_KrakenFileWithPairsTheLoaderLeavesOut_StartsWithTheRestAndLogsWhy()
    {
        var options = TestEngines.Synthetic("replay-kraken", 1_000);
        options.Feeds = new FeedsOptions { Replay = new ReplayFeedOptions { Enabled = true, Format = BacktestFormat.Kraken, Path = KrakenFile, Speed = 0 } };
        options.Risk = new RiskOptions
        {
            Instruments = [new RiskInstrumentOptions { InstrumentId = 2, PriceDecimals = 5, QuantityDecimals = 8, SubPennyRule = false }, new RiskInstrumentOptions { InstrumentId = 3, PriceDecimals = 5, QuantityDecimals = 8, SubPennyRule = false }],
        };
        var logs = new CapturingLoggerFactory();

        using var host = new EngineHost(options, logs);

        Assert.That(new[] { host.Instruments[2].Symbol, host.Instruments[3].Symbol }, Is.EqualTo(new[] { "XBT/CHF", "ETH/CHF" }));
        Assert.That(logs.Logger.Entries.Select(e => e.Message), Has.Some.StartsWith("feeds.replay: ADA/XBT left out"), "what the loader left out is told, not fatal");
    }

    [Test]
    public void Engine_NoInstrumentIdLeft_IsRefused()
    {
        var options = TestEngines.Synthetic("replay-full", 1_000);
        options.Book = new BookOptions { Instruments = 2 };
        options.Feeds = new FeedsOptions { Replay = Lobster() };
        Assert.That(options.Validate(), Is.Empty);

        var thrown = Assert.Throws<ConfigException>(() => new EngineHost(options, NullLoggerFactory.Instance));

        Assert.That(thrown!.Message, Does.Contain("no instrument id is left for the file: the synthetic market and the live feeds take all 2 (book.instruments)"));
    }

    [Test]
    public void Engine_FileThatIsNotItsFormat_RefusesWithTheReason()
    {
        var options = TestEngines.Synthetic("replay-format", 1_000);
        options.Feeds = new FeedsOptions { Replay = Lobster(r => (r.Format, r.OrderbookPath) = (BacktestFormat.Itch, "")) };

        var thrown = Assert.Throws<ConfigException>(() => new EngineHost(options, NullLoggerFactory.Instance));

        Assert.That(thrown!.Message, Does.StartWith("feeds.replay:"));
    }

    private static long[] LastRow()
    {
        using var rows = new StreamReader(BacktestFixture.Lobster("orderbook"));
        var reader = new LobsterOrderbookReader(rows, "orderbook", LobsterBookAssert.Levels);
        var row = LobsterBookAssert.NewRow();
        var last = new long[row.Length];
        while (reader.TryRead(row, out _))
        {
            row.CopyTo(last, 0);
        }
        return last;
    }

    private static BookLevel[] Depth(OrderBook book, Side side)
    {
        var levels = new BookLevel[book.LevelCount(side)];
        book.GetDepth(side, levels);
        return levels;
    }
}
