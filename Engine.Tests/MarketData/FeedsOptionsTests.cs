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
        }.WithKrakenVolumes();
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
        Assert.That(problems[0], Does.StartWith("feeds: the feeds' 2 instruments take ids 15..16"));
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

        Assert.That(problems, Is.EqualTo(new[] { "feeds.kraken.pairs[1]: 'SYN3' is the name of a synthetic instrument; feed symbols look like XBT/USD (Kraken) or AAPL (Alpaca)" }), "SYN4 is no synthetic instrument with 4 of them");
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

        Assert.That(problems, Has.Member("feeds.kraken.url: 'ws://127.0.0.1:9000' is plain ws://; live trading (venues.alpaca.mode Live) requires wss://"));
        Assert.That(problems, Has.Member("risk.instruments: instrument id 4 has quantityDecimals 8, but the Alpaca venue sends whole quantities; fractional orders are not supported"), "a Kraken pair cannot be traded on Alpaca in whole coins");
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
                                     "transport": { "staleTimeoutMs": 5000 } } },
              "risk": { "instruments": [ { "instrumentId": 4, "quantityDecimals": 8 } ] } }
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
        Assert.That(options.WithKrakenVolumes().Validate(), Is.Empty);

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

    private static EngineOptions WithAlpaca(Action<AlpacaFeedOptions> change, int bookInstruments = 16)
    {
        var alpaca = new AlpacaFeedOptions { Enabled = true, Trades = ["AAPL"], Quotes = ["AMD", "AAPL"], Statuses = ["SPY"] };
        change(alpaca);
        return new EngineOptions
        {
            Book = new BookOptions { Instruments = bookInstruments },
            Synthetic = new SyntheticFeedOptions { Instruments = 4 },
            Feeds = new FeedsOptions { Alpaca = alpaca },
        };
    }

    [Test]
    public void Validate_AlpacaEnabledWithSymbolsThatFit_ReportsNothing()
    {
        Assert.That(WithAlpaca(_ => { }).Validate(), Is.Empty);
        Assert.That(WithAlpaca(_ => { }).Feeds.Alpaca.Symbols(), Is.EqualTo(new[] { "AAPL", "AMD", "SPY" }), "trades, quotes, statuses, each once");
    }

    [Test]
    public void Validate_AlpacaDisabled_ChecksOnlyTheStreamsOwnKeys()
    {
        Assert.That(WithAlpaca(a => (a.Enabled, a.Trades, a.Quotes, a.Bars) = (false, ["*"], [], ["SPY"])).Validate(), Is.Empty);
    }

    [Test]
    public void Validate_AlpacaWithoutTradesOrQuotes_ReportsIt()
    {
        var problems = WithAlpaca(a => (a.Trades, a.Quotes) = ([], [])).Validate();

        Assert.That(problems, Is.EqualTo(new[] { "feeds.alpaca: the feed is enabled but lists no symbol under trades or quotes" }));
    }

    [Test]
    public void Validate_AlpacaWildcard_IsRefusedForEachList()
    {
        var problems = WithAlpaca(a => (a.Quotes, a.Statuses) = (["*"], ["*"])).Validate();

        Assert.That(problems, Has.Some.StartsWith("feeds.alpaca.quotes: '*' is not allowed in the engine"));
        Assert.That(problems, Has.Some.StartsWith("feeds.alpaca.statuses: '*' is not allowed in the engine"));
    }

    [Test]
    public void Validate_AlpacaBars_AreRefused()
    {
        var problems = WithAlpaca(a => a.DailyBars = ["SPY"]).Validate();

        Assert.That(problems, Is.EqualTo(new[] { "feeds.alpaca.bars, feeds.alpaca.dailyBars: the engine has no use for bars; leave both empty" }));
    }

    [Test]
    public void Validate_AlpacaOtherCredentialVariables_AreRefused()
    {
        var problems = WithAlpaca(a => a.SecretKeyVariable = "MY_SECRET").Validate();

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("feeds.alpaca.keyIdVariable, feeds.alpaca.secretKeyVariable: the engine reads Alpaca's credentials from APCA_API_KEY_ID and APCA_API_SECRET_KEY only"));
    }

    [Test]
    public void Validate_KrakenAndAlpacaBeyondTheBooks_CountsBothFeeds()
    {
        var options = WithAlpaca(_ => { }, bookInstruments: 8);
        options.Feeds.Kraken = new KrakenFeedOptions { Enabled = true, Pairs = ["XBT/USD", "ETH/USD"] };

        var problems = options.WithKrakenVolumes().Validate();

        Assert.That(problems, Is.EqualTo(new[] { "feeds: the feeds' 5 instruments take ids 4..8 (after synthetic.instruments: Kraken pairs, then Alpaca symbols), beyond book.instruments (8); raise book.instruments to at least 9" }));
    }

    [Test]
    public void Validate_SymbolOfBothFeeds_IsReported()
    {
        var options = WithAlpaca(a => a.Trades = ["XBT/USD"]);
        options.Feeds.Kraken = new KrakenFeedOptions { Enabled = true, Pairs = ["XBT/USD"] };

        var problems = options.WithKrakenVolumes().Validate();

        Assert.That(problems, Is.EqualTo(new[] { "feeds.alpaca: 'XBT/USD' is already an instrument of another feed; a symbol can come from one feed only" }));
    }

    [Test]
    public void Validate_AlpacaLoopbackWsWithLiveTrading_ReportsThatLiveNeedsWss()
    {
        var options = WithAlpaca(a => a.Url = "ws://127.0.0.1:9000/v2/iex");
        options.Venues = new VenueOptions { Kind = VenueKind.Alpaca, Alpaca = new AlpacaTradingOptions { Mode = AlpacaTradingMode.Live } };

        Assert.That(options.Validate(), Is.EqualTo(new[] { "feeds.alpaca.url: 'ws://127.0.0.1:9000/v2/iex' is plain ws://; live trading (venues.alpaca.mode Live) requires wss://" }));
    }

    [Test]
    public void Parse_FeedsAlpacaSection_ReadsEveryKey()
    {
        var options = ConfigLoader.Parse("""
            { "feeds": { "alpaca": { "enabled": true, "url": "wss://stream.data.alpaca.markets/v2/sip", "trades": ["AAPL"], "quotes": ["AAPL", "MSFT"],
                                     "statuses": ["AAPL"], "transport": { "staleTimeoutMs": 0 } } } }
            """, "test.json");

        var alpaca = options.Feeds.Alpaca;
        Assert.That((alpaca.Enabled, alpaca.Url, alpaca.Transport.StaleTimeoutMs), Is.EqualTo((true, "wss://stream.data.alpaca.markets/v2/sip", 0)));
        Assert.That(alpaca.Symbols(), Is.EqualTo(new[] { "AAPL", "MSFT" }));
    }

    [Test]
    public void EngineHost_KrakenAndAlpaca_InstrumentsInFeedOrderAtRisksDecimals()
    {
        var options = TestEngines.Synthetic("feeds-both", 1_000);
        options.Feeds = new FeedsOptions
        {
            Kraken = new KrakenFeedOptions { Enabled = true, Url = "ws://127.0.0.1:1", Pairs = ["XBT/USD"] },
            Alpaca = new AlpacaFeedOptions { Enabled = true, Url = "ws://127.0.0.1:1/v2/iex", Trades = ["AAPL"], Quotes = ["MSFT"] },
        };
        options.Risk = new RiskOptions { Instruments = [new RiskInstrumentOptions { InstrumentId = 4, PriceDecimals = 2 }] };
        Assert.That(options.WithKrakenVolumes().Validate(), Is.Empty);

        using var host = new EngineHost(options, NullLoggerFactory.Instance, environment: name => name.StartsWith("APCA_", StringComparison.Ordinal) ? "x" : null);

        Assert.That(Enumerable.Range(2, 3).Select(id => (host.Instruments[id].Symbol, host.Instruments[id].PriceDecimals, host.Instruments[id].Venue)),
            Is.EqualTo(new[] { ("XBT/USD", 4, "KRAKEN"), ("AAPL", 4, "ALPACA"), ("MSFT", 2, "ALPACA") }));
        Assert.That(host.Feeds.Select(f => f.Name), Is.EqualTo(new[] { "synthetic-0", "kraken", "alpaca" }));
    }
}
