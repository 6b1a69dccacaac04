using Engine.Book;
using Engine.Config;
using Engine.Host;
using Engine.MarketData;
using Engine.Risk;
using Engine.Tests.Support;
using Engine.Venues;
using Engine.Venues.Alpaca;
using Feeds.Synthetic;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.MarketData;

/// <summary>The <c>feeds</c> section: its rules alone and against the books, the synthetic market, risk and the venue.</summary>
public sealed class FeedsOptionsTests
{
    private static EngineOptions WithKraken(Action<KrakenFeedOptions> change, int syntheticInstruments = 4, int bookInstruments = 16)
    {
        var kraken = new KrakenFeedOptions { Enabled = true, Pairs = ["XBT/USD", "ETH/USD"] };
        change(kraken);
        return new EngineOptions
        {
            Book = new BookOptions { Instruments = bookInstruments },
            Synthetic = new SyntheticFeedOptions { Instruments = syntheticInstruments },
            Feeds = new FeedsOptions { Kraken = kraken },
        };
    }

    [Test]
    public void Validate_Defaults_KrakenOffAndValid()
    {
        var options = new EngineOptions();

        Assert.That(options.Feeds.Kraken.Enabled, Is.False);
        Assert.That(options.Validate(), Is.Empty);
    }

    [Test]
    public void Validate_EnabledWithPairsThatFit_ReportsNothing()
    {
        Assert.That(WithKraken(_ => { }).Validate(), Is.Empty);
    }

    [Test]
    public void Validate_EnabledWithoutPairs_ReportsPairs()
    {
        var problems = WithKraken(k => k.Pairs = []).Validate();

        Assert.That(problems, Is.EqualTo(new[] { "feeds.kraken.pairs: the feed is enabled but lists no pair" }));
    }

    [Test]
    public void Validate_DisabledWithoutPairs_ReportsNothing()
    {
        Assert.That(WithKraken(k => (k.Enabled, k.Pairs) = (false, [])).Validate(), Is.Empty);
    }

    [Test]
    public void Validate_PairsBeyondTheBooks_ReportsTheIdsAndTheBookCountNeeded()
    {
        var problems = WithKraken(_ => { }, syntheticInstruments: 15, bookInstruments: 16).Validate();

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("feeds.kraken.pairs: 2 pairs take instrument ids 15..16"));
        Assert.That(problems[0], Does.Contain("raise book.instruments to at least 17"));
    }

    [Test]
    public void Validate_PairsBeyondTheBooksButDisabled_ReportsNothing()
    {
        Assert.That(WithKraken(k => k.Enabled = false, syntheticInstruments: 16, bookInstruments: 16).Validate(), Is.Empty);
    }

    [Test]
    public void Validate_PairNamedLikeASyntheticInstrument_ReportsThePair()
    {
        var problems = WithKraken(k => k.Pairs = ["XBT/USD", "SYN3", "SYN4"]).Validate();

        Assert.That(problems, Is.EqualTo(new[] { "feeds.kraken.pairs[1]: 'SYN3' is the name of a synthetic instrument; Kraken pairs look like XBT/USD" }), "SYN4 is no synthetic instrument with 4 of them");
    }

    [Test]
    public void Validate_DepthAboveHalfTheBookLevels_ReportsDepth()
    {
        var options = WithKraken(k => k.Depth = 500);

        var problems = options.Validate();

        Assert.That(problems, Is.EqualTo(new[] { "feeds.kraken.depth: 500 needs book.maxLevelsPerSide of at least 1000 (an update adds its levels before the ones it pushes below the depth are removed); it is 256" }));
    }

    [TestCase("ws://ws.kraken.com", "feeds.kraken.url: 'ws://ws.kraken.com' is plain ws:// to a host that is not loopback")]
    [TestCase("https://ws.kraken.com", "feeds.kraken.url: 'https://ws.kraken.com' has scheme 'https'")]
    [TestCase("wss://user:pw@ws.kraken.com", "feeds.kraken.url: carries user information")]
    public void Validate_UrlAgainstThePolicy_ReportsUrl(string url, string expected)
    {
        var problems = WithKraken(k => k.Url = url).Validate();

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith(expected));
    }

    [Test]
    public void Validate_BadKeysOfTheStream_ReportEachWithItsPath()
    {
        var problems = WithKraken(k =>
        {
            k.Pairs = ["XBT/USD", "XBT/USD", "bad pair"];
            k.Depth = 7;
            k.Transport = new() { StaleTimeoutMs = 5 };
        }).Validate();

        Assert.That(problems, Has.Some.StartsWith("feeds.kraken.pairs[1]: 'XBT/USD' is listed twice"));
        Assert.That(problems, Has.Some.StartsWith("feeds.kraken.pairs[2]: 'bad pair' is not a pair"));
        Assert.That(problems, Has.Some.StartsWith("feeds.kraken.depth: 7 is not one of"));
        Assert.That(problems, Has.Some.StartsWith("feeds.kraken.transport.staleTimeoutMs: 5"));
    }

    [Test]
    public void Validate_LoopbackWsWithLiveTrading_ReportsThatLiveNeedsWss()
    {
        var options = WithKraken(k => k.Url = "ws://127.0.0.1:9000");
        options.Venues = new VenueOptions { Kind = VenueKind.Alpaca, Alpaca = new AlpacaTradingOptions { Mode = AlpacaTradingMode.Live } };

        var problems = options.Validate();

        Assert.That(problems, Is.EqualTo(new[] { "feeds.kraken.url: 'ws://127.0.0.1:9000' is plain ws://; live trading (venues.alpaca.mode Live) requires wss://" }));
    }

    [Test]
    public void Validate_LoopbackWsOnPaper_ReportsNothing()
    {
        Assert.That(WithKraken(k => k.Url = "ws://127.0.0.1:9000").Validate(), Is.Empty);
    }

    [Test]
    public void Parse_FeedsSection_ReadsEveryKey()
    {
        var options = ConfigLoader.Parse("""
            { "feeds": { "kraken": { "enabled": true, "url": "wss://ws.kraken.com", "pairs": ["XBT/USD"], "depth": 25,
                                     "transport": { "staleTimeoutMs": 5000 } } } }
            """, "test.json");

        var kraken = options.Feeds.Kraken;
        Assert.That((kraken.Enabled, kraken.Url, kraken.Depth, kraken.Transport.StaleTimeoutMs), Is.EqualTo((true, "wss://ws.kraken.com", 25, 5000)));
        Assert.That(kraken.Pairs, Is.EqualTo(new[] { "XBT/USD" }));
    }

    [Test]
    public void Parse_UnknownKeyInFeedsKraken_IsRejectedNamingIt()
    {
        var thrown = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("""{ "feeds": { "kraken": { "symbols": [] } } }""", "test.json"));

        Assert.That(thrown!.Message, Does.Contain("symbols"));
    }

    [Test]
    public void EngineHost_KrakenEnabled_PairsFollowTheSyntheticIdsAtRisksDecimals()
    {
        var options = TestEngines.Synthetic("feeds-ids", 1_000);
        options.Feeds = new FeedsOptions { Kraken = new KrakenFeedOptions { Enabled = true, Url = "ws://127.0.0.1:1", Pairs = ["XBT/USD", "ETH/USD"] } };
        options.Risk = new RiskOptions { Instruments = [new RiskInstrumentOptions { InstrumentId = 2, PriceDecimals = 1 }] };
        Assert.That(options.Validate(), Is.Empty);

        using var host = new EngineHost(options, NullLoggerFactory.Instance);

        var xbt = host.Instruments[2];
        var eth = host.Instruments[3];
        Assert.That((xbt.Symbol, xbt.PriceDecimals, xbt.Venue), Is.EqualTo(("XBT/USD", 1, "KRAKEN")), "its risk entry's decimals");
        Assert.That((eth.Symbol, eth.PriceDecimals), Is.EqualTo(("ETH/USD", 4)), "risk.defaults.priceDecimals");
        Assert.That(host.Feeds.Select(f => f.Name), Is.EqualTo(new[] { "synthetic-0", "kraken" }));
    }

    [Test]
    public void EngineHost_KrakenOff_OnlyTheSyntheticFeeds()
    {
        using var host = new EngineHost(TestEngines.Synthetic("feeds-off", 1_000), NullLoggerFactory.Instance);

        Assert.That(host.Feeds.Select(f => f.Name), Is.EqualTo(new[] { "synthetic-0" }));
        Assert.That(host.Instruments.Count, Is.EqualTo(2));
    }
}
