using Engine.Config;
using Engine.MarketData;
using Engine.Tests.MarketData;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Venues;
using Engine.Venues.Paper;
using Feeds.Synthetic;

namespace Engine.Tests.Config;

public sealed class EngineOptionsTests
{
    [Test]
    public void Validate_Defaults_ReportsNothing()
    {
        Assert.That(new EngineOptions().Validate(), Is.Empty);
    }

    [Test]
    public void Validate_SingleProducer_ReportsProducers()
    {
        var options = new EngineOptions { Ring = new RingOptions { Producers = ProducerType.Single } };

        Assert.That(options.Validate(), Is.EqualTo(new[] { "ring.producers: Single cannot serve the engine: feed threads and the control thread (reload, kill) both publish; use Multi" }));
    }

    [Test]
    public void Validate_SyntheticOffAndNoFeed_ReportsNoMarketData()
    {
        var options = new EngineOptions { Synthetic = new SyntheticFeedOptions { Enabled = false } };

        Assert.That(options.Validate(), Is.EqualTo(new[] { "synthetic.enabled: false with no feed enabled (feeds.kraken, feeds.alpaca, feeds.replay): the engine would have no market data" }));
    }

    [TestCase(true, 0, 0, true, TestName = "Validate_TwoSourcesWithoutPaperLatency_Passes")]
    [TestCase(false, 500, 0, true, TestName = "Validate_ReplayAloneWithPaperLatency_Passes")]
    [TestCase(true, 500, 0, false, TestName = "Validate_SyntheticAndReplayWithEntryLatency_IsRefused")]
    [TestCase(true, 0, 200, false, TestName = "Validate_SyntheticAndReplayWithReportLatency_IsRefused")]
    public void Validate_PaperLatencyNeedsOneMarketDataClock(bool synthetic, int entryUs, int reportUs, bool valid)
    {
        var options = new EngineOptions
        {
            Synthetic = new SyntheticFeedOptions { Enabled = synthetic },
            Feeds = new FeedsOptions { Replay = new ReplayFeedOptions { Enabled = true, Format = Engine.Backtest.BacktestFormat.Itch, Path = Engine.Tests.Backtest.BacktestFixture.Itch } },
            Venues = new VenueOptions { Paper = new PaperVenueOptions { EntryLatencyUs = entryUs, ReportLatencyUs = reportUs } },
        };

        var problems = options.Validate();

        Assert.That(problems, valid
            ? Is.Empty
            : Is.EqualTo(new[] { "venues.paper.entryLatencyUs / reportLatencyUs: the paper venue simulates latency on one clock, the latest event time of any source, and the synthetic market and feeds.replay keep different times: the instruments of the source behind would get none. Run one source (synthetic.enabled: false for a feed alone) or set both latencies to 0" }));
    }

    [Test]
    public void Validate_SyntheticOff_FeedInstrumentsStartAtZero()
    {
        var options = new EngineOptions
        {
            Synthetic = new SyntheticFeedOptions { Enabled = false, Instruments = 4 },
            Book = new Engine.Book.BookOptions { Instruments = 2 },
            Feeds = new FeedsOptions { Kraken = new KrakenFeedOptions { Enabled = true, Pairs = ["XBT/USD", "ETH/USD"] } },
        }.WithKrakenVolumes();

        Assert.That(options.Validate(), Is.Empty, "two pairs at ids 0 and 1 fit two books; the synthetic market's four take none");
    }

    [Test]
    public void Validate_KrakenPairsWithoutTheirVolumeScale_AreRefusedNamingTheEntry()
    {
        var options = new EngineOptions
        {
            Synthetic = new SyntheticFeedOptions { Enabled = false },
            Feeds = new FeedsOptions { Kraken = new KrakenFeedOptions { Enabled = true, Pairs = ["XBT/USD", "ETH/USD"] } },
        };
        options.Risk.Instruments.Add(new Engine.Risk.RiskInstrumentOptions { InstrumentId = 1, QuantityDecimals = 8 });

        Assert.That(options.Validate(), Is.EqualTo(new[] { "risk.instruments: XBT/USD (instrument id 0) comes from Kraken, whose volumes are in 10^-8 of a coin; give it an entry { \"instrumentId\": 0, \"quantityDecimals\": 8 } (its quantity limits and the strategy's sizes are then in those units too)" }));
    }

    [Test]
    public void Validate_BookInstrumentsOutOfRangeWithKraken_ReportsRatherThanThrows()
    {
        var options = new EngineOptions
        {
            Book = new Engine.Book.BookOptions { Instruments = -1 },
            Feeds = new FeedsOptions { Kraken = new KrakenFeedOptions { Enabled = true, Pairs = ["XBT/USD"] } },
        };

        Assert.That(options.Validate(), Has.Some.StartsWith("book.instruments: -1"));
    }

    [Test]
    public void Validate_AlpacaVenueWithFractionalQuantities_IsRefused()
    {
        var options = new EngineOptions { Venues = new VenueOptions { Kind = VenueKind.Alpaca } };
        options.Risk.Defaults.QuantityDecimals = 2;
        options.Risk.Instruments.Add(new Engine.Risk.RiskInstrumentOptions { InstrumentId = 3 });

        var problems = options.Validate();

        Assert.That(problems.Count(p => p.Contains("whole quantities", StringComparison.Ordinal)), Is.EqualTo(options.Book.Instruments - 1), "every instrument but the one whose entry keeps 0");
        Assert.That(problems, Has.One.EqualTo("risk.instruments: instrument id 0 has quantityDecimals 2, but the Alpaca venue sends whole quantities; fractional orders are not supported"));
    }

    [Test]
    public void Validate_ProblemsInEverySection_ReportsAllAtOnce()
    {
        var options = new EngineOptions
        {
            Ring = new RingOptions { Slots = 100 },
            Pipeline = new PipelineOptions { ShutdownTimeoutMs = 0 },
            Synthetic = new SyntheticFeedOptions { Instruments = 0 },
            StatusIntervalMs = -5,
        };

        var problems = options.Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Has.Some.StartsWith("ring.slots:"));
            Assert.That(problems, Has.Some.StartsWith("pipeline.shutdownTimeoutMs:"));
            Assert.That(problems, Has.Some.StartsWith("synthetic.instruments:"));
            Assert.That(problems, Has.Some.StartsWith("statusIntervalMs:"));
        }
    }
}
