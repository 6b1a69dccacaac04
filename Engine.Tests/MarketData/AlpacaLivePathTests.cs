using System.Globalization;
using Engine.Config;
using Engine.Host;
using Engine.MarketData;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Strategies;
using Engine.Tests.Alpaca;
using Engine.Tests.Support;
using Engine.Tests.Venues.Alpaca;
using Engine.Venues;
using Engine.Venues.Alpaca;
using Feeds.Synthetic;
using Feeds.Transport;

namespace Engine.Tests.MarketData;

/// <summary>
/// The live path end to end over loopback sockets: Alpaca's market data stream (quotes) into the
/// books, the market maker quoting around them, risk, the router, and the orders out to Alpaca's
/// trading API (REST, with its trade_updates stream up): two fakes that speak Alpaca's protocols.
/// </summary>
public sealed class AlpacaLivePathTests
{
    private const int Amd = 2; // after SYN0, SYN1

    [Test]
    public async Task QuotesFromTheStream_MarketMakerQuotesAroundThemAtTheVenue()
    {
        await using var data = await FakeAlpacaServer.StartAsync();
        await using var venue = await FakeAlpacaTradingServer.StartAsync();
        var options = Options(data.Url, venue);
        Assert.That(options.Validate(), Is.Empty);
        var logs = new CapturingLoggerFactory();
        using var host = new EngineHost(options, logs, environment: name => name switch
        {
            AlpacaTradingOptions.KeyIdVariable => FakeAlpacaTradingServer.KeyId,
            AlpacaTradingOptions.SecretKeyVariable => FakeAlpacaTradingServer.Secret,
            _ => null,
        });
        host.Start();
        Eventually.Until(() => host.VenueReady && data.Streaming == 1, TestTimeouts.Join, "the venue is reconciled and the data stream subscribed");

        data.Send(0, AlpacaTestData.ThreeQuotes); // AMD 87.66 x 1 / 87.67 x 1 last

        Eventually.Until(() => venue.Orders().Count(o => o.Symbol == "AMD") == 2, TestTimeouts.LongRun, "the market maker's bid and ask reached the venue");
        var quotes = venue.Orders().Where(o => o.Symbol == "AMD").OrderBy(o => o.Side, StringComparer.Ordinal).ToList();
        Assert.That(host.Stop(), Is.True, "stopped and drained");
        Assert.That(quotes.Select(o => (o.Side, o.Type, o.Qty, decimal.Parse(o.LimitPrice!, CultureInfo.InvariantCulture))),
            Is.EqualTo(new[] { ("buy", "limit", "100", 87.66m), ("sell", "limit", "100", 87.67m) }),
            "one tick either side of the microprice 87.665, rounded out to whole cents");
        AlpacaClientHarness.AssertNoSecretIn(logs.Logger);
    }

    [Test]
    public async Task StreamAloneIntoThePaperVenueWithLatency_HeldOrdersGoOutOnTheWallClockWithoutAnotherQuote()
    {
        await using var data = await FakeAlpacaServer.StartAsync();
        await using var venue = await FakeAlpacaTradingServer.StartAsync();
        var options = Options(data.Url, venue) with
        {
            Synthetic = new SyntheticFeedOptions { Enabled = false },
            Pipeline = new PipelineOptions { Thread = new LoopThreadOptions { Name = "alpaca-paper", CpuSet = [], Nice = 0 }, CancelOrdersOnStop = false },
            Strategy = new StrategyOptions { Name = StrategyKind.MarketMaker, Instruments = [0] },
            Venues = new VenueOptions { Kind = VenueKind.Paper, Paper = new Engine.Venues.Paper.PaperVenueOptions { EntryLatencyUs = 2_000 } },
        };
        Assert.That(options.Validate(), Is.Empty, "one source: the paper venue's latency has one clock");
        using var host = new EngineHost(options, new CapturingLoggerFactory(), environment: name => name switch
        {
            AlpacaTradingOptions.KeyIdVariable => FakeAlpacaServer.KeyId,
            AlpacaTradingOptions.SecretKeyVariable => FakeAlpacaServer.Secret,
            _ => null,
        });
        Assert.That(host.Instruments[0].Symbol, Is.EqualTo("AMD"));
        host.Start();
        Eventually.Until(() => data.Streaming == 1, TestTimeouts.Join, "the data stream subscribed");

        // Stamped on the wall clock, as live quotes are, 200 ms ahead so that the batch the quotes come in ends
        // well before the orders' 2 ms of entry latency have passed: only a later batch can release them.
        var soon = DateTime.UtcNow.AddMilliseconds(200);
        string At(int us) => soon.AddTicks(us * 10L).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
        data.Send(0, AlpacaTestData.ThreeQuotes
            .Replace("2021-02-22T15:51:45.3355677Z", At(0), StringComparison.Ordinal)
            .Replace("2021-02-22T15:51:45.335689322Z", At(1), StringComparison.Ordinal)
            .Replace("2021-02-22T15:51:45.335806018Z", At(2), StringComparison.Ordinal)); // then nothing more: a quiet market

        // Venue time moves with the market events alone otherwise, and the loop's batches with them: the
        // loop's tick (every millisecond with live feeds) makes the batch whose end releases the orders.
        Eventually.Until(() => Acknowledged(host) == 2, TestTimeouts.LongRun, "the venue answered the market maker's bid and ask");
        Assert.That(host.Stop(), Is.True, "stopped and drained");
        Assert.That((host.Paper!.Matcher.RestingOrderCount, host.Paper.Matcher.HeldCommandCount), Is.EqualTo((2, 0)), "87.66 and 87.67 rest on the quoted book");
    }

    private static long Acknowledged(EngineHost host)
    {
        var acks = new Engine.Metrics.LatencyWindow(host.Router.IntentToAck);
        acks.Advance();
        return acks.Total;
    }

    private static EngineOptions Options(string dataUrl, FakeAlpacaTradingServer venue) => new()
    {
        Ring = new RingOptions { Slots = 4096, Producers = ProducerType.Multi, WaitStrategy = WaitStrategyKind.Yielding, MaxBatchSize = 256 },
        Pipeline = new PipelineOptions { Thread = new LoopThreadOptions { Name = "alpaca-live", CpuSet = [], Nice = 0 } },
        Synthetic = new SyntheticFeedOptions { Instruments = 2, RateEventsPerSecond = 1_000, Seed = 3 },
        Strategy = new StrategyOptions { Name = StrategyKind.MarketMaker, Instruments = [Amd] },
        Feeds = new FeedsOptions
        {
            Alpaca = new AlpacaFeedOptions
            {
                Enabled = true,
                Url = dataUrl,
                Quotes = ["AMD"],
                Transport = new() { ReconnectInitialDelayMs = 5, ReconnectMaxDelayMs = 20, StaleTimeoutMs = 0 },
            },
        },
        Venues = new VenueOptions
        {
            Kind = VenueKind.Alpaca,
            Alpaca = new AlpacaTradingOptions
            {
                BaseUrl = venue.BaseUrl,
                StreamUrl = venue.StreamUrl,
                RequestTimeoutMs = AlpacaClientHarness.TimeoutMs,
                RetryBackoffBaseMs = 5,
                RetryBackoffCapMs = 50,
                Stream = new AlpacaTradeUpdatesOptions { Transport = new WebSocketTransportOptions { StaleTimeoutMs = 0, ReconnectInitialDelayMs = 10, ReconnectMaxDelayMs = 100 } },
            },
        },
        Metrics = new Engine.Metrics.MetricsOptions { Port = 0 },
        Admin = new Engine.Admin.AdminOptions { Port = 0 },
        StatusIntervalMs = 0,
    };
}
