using Engine.Backtest;
using Engine.Config;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Risk;
using Engine.Tests.Support;
using Feeds;

namespace Engine.Tests.Backtest;

public sealed class BacktestRunnerTests
{
    [Test]
    public void Run_SameLobsterFileTwice_GivesTheSameOrdersFillsPnlAndReport()
    {
        var run = new BacktestOptions { DataPath = BacktestFixture.Lobster("message"), OrderbookPath = BacktestFixture.Lobster("orderbook"), Format = BacktestFormat.Lobster, OutDirectory = "unused" };

        var first = BacktestFixture.Run(run, new AlternatingStrategy(every: 40, quantity: 100));
        var second = BacktestFixture.Run(run, new AlternatingStrategy(every: 40, quantity: 100));

        Assert.That(first.Figures.Fills, Is.GreaterThan(10), "the strategy trades");
        Assert.That(Orders(second), Is.EqualTo(Orders(first)));
        Assert.That(second.Recorder.Fills, Is.EqualTo(first.Recorder.Fills));
        Assert.That(second.Figures, Is.EqualTo(first.Figures));
        Assert.That(BacktestFixture.WithoutLatency(second), Is.EqualTo(BacktestFixture.WithoutLatency(first)));
    }

    [Test]
    public void Run_SameItchFileTwice_GivesTheSameReport()
    {
        var run = new BacktestOptions { DataPath = BacktestFixture.Itch, Format = BacktestFormat.Itch, OutDirectory = "unused" };

        var first = BacktestFixture.Run(run, new AlternatingStrategy(every: 200, quantity: 100));
        var second = BacktestFixture.Run(run, new AlternatingStrategy(every: 200, quantity: 100));

        Assert.That(first.Figures.Fills, Is.GreaterThan(0), "the strategy trades");
        Assert.That(BacktestFixture.WithoutLatency(second), Is.EqualTo(BacktestFixture.WithoutLatency(first)));
    }

    [Test]
    public void Run_StrategyThrowsUnderLogAndContinue_EventSkippedCountedRunCompletes()
    {
        var run = new BacktestOptions { DataPath = BacktestFixture.Lobster("message"), Format = BacktestFormat.Lobster, OutDirectory = "unused" };

        var report = BacktestFixture.Run(run, new ThrowingStrategy(onEvent: 10));

        Assert.That(report.Runner.Pipeline.Faults.FaultCount, Is.EqualTo(1));
        Assert.That(report.Recorder.Latency.TotalCount, Is.EqualTo(999));
    }

    [Test]
    public void Run_StrategyThrowsUnderLogAndHalt_ThrowsBacktestExceptionNamingTheEvent()
    {
        var options = ConfigLoader.Load(RepositoryPaths.ShippedConfig());
        options.Pipeline.FaultPolicy = FaultPolicy.LogAndHalt;
        var run = new BacktestOptions { DataPath = BacktestFixture.Lobster("message"), Format = BacktestFormat.Lobster, OutDirectory = "unused" };

        var thrown = Assert.Throws<BacktestException>(() => BacktestFixture.Run(run, new ThrowingStrategy(onEvent: 10), options));

        Assert.That(thrown!.Message, Does.Contain("halted on a fault at recorded event 10"));
    }

    [Test]
    public void Run_KrakenPairs_RiskEntriesAtTheDataDecimals()
    {
        var options = ConfigLoader.Load(RepositoryPaths.ShippedConfig());
        var run = new BacktestOptions { DataPath = BacktestFixture.Kraken, Format = BacktestFormat.Kraken, Symbols = ["XMR/USD", "OMG/USD"], OutDirectory = "unused" };

        var report = BacktestFixture.Run(run, null, options);

        Assert.That(report.Runner.Pipeline.Risk.Positions.Instruments, Is.EqualTo(options.Book.Instruments));
        Assert.That(options.Risk.PriceDecimalsOf(2), Is.EqualTo(new[] { 8, 6 }));
        Assert.That(report.Recorder.Latency.TotalCount, Is.GreaterThan(1000));
    }

    [Test]
    public void Run_FillsThePositionsRefuse_AreCountedAndLeftOutOfTheFigures()
    {
        var options = ConfigLoader.Load(RepositoryPaths.ShippedConfig());
        options.Positions.MaxPriceTicks = 1_000; // AAPL at $585 is 5,856,350 ticks: every fill refused
        var run = new BacktestOptions { DataPath = BacktestFixture.Lobster("message"), OrderbookPath = BacktestFixture.Lobster("orderbook"), Format = BacktestFormat.Lobster, OutDirectory = "unused" };

        var report = BacktestFixture.Run(run, new AlternatingStrategy(every: 40, quantity: 100), options);

        var router = report.Runner.Pipeline.Router.Snapshot;
        Assert.That(router.Fills, Is.Positive);
        Assert.That(router.FillsRefusedByPositions, Is.EqualTo(router.Fills));
        Assert.That((report.Recorder.Fills.Count, report.Figures.TradedNotionalCents, report.Figures.NetPnlCents), Is.EqualTo((0, 0m, 0m)), "the P&L leaves them out, and so do the fills it is made of");
    }

    [Test]
    public void Run_ConfigForTheAlpacaVenue_RunsOnThePaperVenue()
    {
        var options = ConfigLoader.Load(RepositoryPaths.ShippedConfig());
        options.Venues.Kind = Engine.Venues.VenueKind.Alpaca;
        var run = new BacktestOptions { DataPath = BacktestFixture.Kraken, Format = BacktestFormat.Kraken, Symbols = ["XBT/CHF"], OutDirectory = "unused" };

        var report = BacktestFixture.Run(run, null, options);

        Assert.That(options.Venues.Kind, Is.EqualTo(Engine.Venues.VenueKind.Paper), "a Kraken pair's 8 quantity decimals would not pass with the Alpaca venue, and a backtest trades on paper anyway");
        Assert.That(report.Recorder.Latency.TotalCount, Is.Positive);
    }

    [Test]
    public void Run_KrakenPairsInTwoQuoteCurrencies_IsRefusedNamingBoth()
    {
        var run = new BacktestOptions { DataPath = BacktestFixture.Kraken, Format = BacktestFormat.Kraken, Symbols = ["XBT/CHF", "OMG/USD"], OutDirectory = "unused" };

        var thrown = Assert.Throws<BacktestException>(() => BacktestFixture.Run(run, null));

        Assert.That(thrown!.Message, Does.Contain("CHF (XBT/CHF)").And.Contain("USD (OMG/USD)").And.Contain("one quote currency"));
    }

    [Test]
    public void Load_KrakenWithoutSymbols_TradesThePairsOfOneQuoteCurrencyAndNamesTheOthers()
    {
        var data = KrakenBacktestData.Load(BacktestFixture.Kraken, symbols: null, books: 16);

        Assert.That(data.Instruments.Select(i => KrakenBacktestData.QuoteCurrency(i.Symbol)).Distinct(), Is.EqualTo(new[] { "CHF" }), "three currencies have two pairs each: the file's first wins");
        Assert.That(data.Instruments.Select(i => i.Symbol), Is.EqualTo(new[] { "XBT/CHF", "ETH/CHF" }));
        Assert.That(data.Problems, Has.Some.Contains("OMG/USD left out: quoted in USD"));
    }

    /// <summary>Every order the router kept, without the wall-clock time it was sent at.</summary>
    private static List<(long Id, Side Side, OrderType Type, long Quantity, OrderStatus Status, long Filled, Int128 FilledValue, long Reference, long Estimate)> Orders(BacktestReport report)
    {
        var orders = new List<(long, Side, OrderType, long, OrderStatus, long, Int128, long, long)>();
        foreach (var o in report.Runner.Pipeline.Router.Orders.All)
        {
            orders.Add((o.ClientOrderId, o.Side, o.Type, o.Quantity, o.Status, o.FilledQuantity, o.FilledValueTicks, o.DecisionReferenceSubTicks, o.EstimatedPriceSubTicks));
        }
        return orders;
    }
}
