using Engine.Book;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Risk;
using Engine.Slippage;
using Engine.Strategies;
using Engine.Tests.Book;
using Engine.Tests.Support;
using Feeds;

namespace Engine.Tests.Strategies;

/// <summary>The strategy stage's contract: what the strategy is called with, and when.</summary>
public sealed class StrategyStageTests
{
    private RecordingStrategy _strategy = null!;
    private StrategyHarness _harness = null!;

    [SetUp]
    public void SetUp()
    {
        _strategy = new RecordingStrategy();
        _harness = new StrategyHarness(_strategy);
    }

    [Test]
    public void OnEvent_FirstEvent_StartsTheStrategyOnceThenPassesMarketData()
    {
        _harness.Quote(9_990, 500, 10_010, 500);
        _harness.Quote(9_995, 500, 10_010, 500);

        Assert.That(_strategy.Calls, Is.EqualTo(new[] { "start", "market Quote", "market Quote" }));
    }

    [Test]
    public void OnEvent_MarketData_SeesTheBookAfterTheEvent()
    {
        _harness.Quote(9_990, 500, 10_010, 700);

        Assert.That(_strategy.BestBidSeen, Is.EqualTo(9_990));
    }

    [Test]
    public void Submit_ApprovedIntent_ReachesTheRouterInTheSameEvent()
    {
        _harness.Quote(9_990, 500, 10_010, 500);
        _strategy.OnNextMarket = context =>
            context.Submit(new OrderIntent(0, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 100, LimitPriceTicks: 9_990), out _strategy.LastId);

        _harness.Quote(9_991, 500, 10_010, 500);

        Assert.That(_harness.Router.Snapshot.Sent, Is.EqualTo(1));
        Assert.That(_strategy.LastId, Is.Not.Zero);
    }

    [Test]
    public void Submit_IntentPastALimit_IsRefusedAndCounted()
    {
        _harness.Quote(9_990, 500, 10_010, 500);
        RiskDecision decision = default;
        _strategy.OnNextMarket = context =>
            decision = context.Submit(new OrderIntent(0, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 1_000_000, LimitPriceTicks: 9_990), out _);

        _harness.Quote(9_991, 500, 10_010, 500);

        Assert.That(decision.Approved, Is.False);
        Assert.That(_harness.Router.Snapshot.Sent, Is.Zero);
    }

    [Test]
    public void OnEvent_TimerDue_FiresAtTheEndOfBatchOnce()
    {
        _harness.Quote(9_990, 500, 10_010, 500);
        _strategy.Context!.SetTimer(StrategyHarness.T0 + 1_000);

        _harness.Quote(9_991, 500, 10_010, 500);
        _harness.Clock.NowNs = StrategyHarness.T0 + 1_000;
        _harness.Market(BookEvents.Quote(9_992, 500, 10_010, 500), endOfBatch: false);
        _harness.Quote(9_993, 500, 10_010, 500);
        _harness.Quote(9_994, 500, 10_010, 500);

        Assert.That(_strategy.Calls.Count(c => c == "timer"), Is.EqualTo(1));
        Assert.That(_strategy.Calls[^2], Is.EqualTo("timer"), "after the batch's last event");
    }

    [Test]
    public void OnEvent_ApplyStrategyParameters_HandsThePostedOptionsOver()
    {
        var reloaded = new StrategyOptions();
        _harness.Parameters.Post(reloaded);

        _harness.Command(ControlCommand.ApplyStrategyParameters);

        Assert.That(_strategy.Parameters, Is.SameAs(reloaded));
    }

    [Test]
    public void OnEvent_ExecutionReport_ReachesTheStrategy()
    {
        _harness.Report(ExecutionKind.Accepted, 42);

        Assert.That(_strategy.Calls, Does.Contain("execution Accepted 42"));
    }

    [Test]
    public void OnEvent_NoStrategy_DoesNothing()
    {
        var clock = new ManualClock(StrategyHarness.T0);
        var books = new OrderBooks(new BookOptions { Instruments = 1 });
        var risk = RiskStage.Create(new RiskOptions(), new SlippageOptions(), new PositionsOptions(), books, new Mailbox<RiskLimits>(), clock);
        var stage = new StrategyStage(null, new StrategyContext(books, risk, new ClientOrderIds(StrategyHarness.T0), clock), new Mailbox<StrategyOptions>());
        var e = new InboundEvent { Market = BookEvents.Quote(9_990, 500, 10_010, 500) };

        Assert.DoesNotThrow(() => stage.OnEvent(ref e, true));
        Assert.That(stage.Strategy, Is.Null);
    }

    [Test]
    public void PublishSnapshot_EndOfBatch_CopiesTheContextsCountsThenTheStrategysOwn()
    {
        _harness.Quote(9_990, 500, 10_010, 500);
        _strategy.OnNextMarket = context =>
            context.Submit(new OrderIntent(0, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 100, LimitPriceTicks: 9_990), out _);
        _harness.Quote(9_991, 500, 10_010, 500);
        _strategy.OnNextMarket = context =>
            context.Submit(new OrderIntent(0, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 1_000_000, LimitPriceTicks: 9_990), out _);
        _harness.Market(BookEvents.Quote(9_992, 500, 10_010, 500), endOfBatch: false);

        var counts = _harness.Stage.Counts;
        Assert.That(counts.Names, Is.EqualTo(new[] { "intents_submitted", "intents_refused", "market_events" }));
        Assert.That((counts[0], counts[1], counts[2]), Is.EqualTo((1L, 0L, 2L)), "as of the last end of batch");

        _harness.Quote(9_993, 500, 10_010, 500);

        Assert.That((counts[0], counts[1], counts[2]), Is.EqualTo((2L, 1L, 4L)));
    }

    [Test]
    public void CopyCounts_EveryBuiltInStrategy_WritesOneCountPerNameAndTheNamesAreDistinct()
    {
        foreach (var kind in new[] { StrategyKind.MarketMaker, StrategyKind.ImbalanceTaker, StrategyKind.Twap })
        {
            var strategy = StrategyFactory.Create(new StrategyOptions { Name = kind }, 2)!;
            var counts = new long[strategy.CountNames.Count];

            strategy.CopyCounts(counts);

            Assert.That(strategy.CountNames, Is.Unique.And.Not.Empty, kind.ToString());
            Assert.That(strategy.CountNames, Has.All.Match("^[a-z_]+$"), kind.ToString());
            Assert.That(counts, Has.All.Zero, kind.ToString());
        }
    }

    private sealed class RecordingStrategy : IStrategy
    {
        public IReadOnlyList<string> CountNames { get; } = ["market_events"];

        public void CopyCounts(Span<long> counts) => counts[0] = Calls.Count(c => c.StartsWith("market", StringComparison.Ordinal));

        public long LastId;

        public List<string> Calls { get; } = [];

        public StrategyContext? Context { get; private set; }

        public long BestBidSeen { get; private set; }

        public StrategyOptions? Parameters { get; private set; }

        public Action<StrategyContext>? OnNextMarket { get; set; }

        public string Name => "recording";

        public void OnStart(StrategyContext context)
        {
            Context = context;
            Calls.Add("start");
        }

        public void OnMarketData(in MarketDataEvent e, StrategyContext context)
        {
            Calls.Add($"market {e.Kind}");
            BestBidSeen = context.Books[e.InstrumentId].TryGetBest(Side.Buy, out var level) ? level.PriceTicks : 0;
            var action = OnNextMarket;
            OnNextMarket = null;
            action?.Invoke(context);
        }

        public void OnExecution(in ExecutionReport report, StrategyContext context) => Calls.Add($"execution {report.Kind} {report.ClientOrderId}");

        public void OnTimer(StrategyContext context) => Calls.Add("timer");

        public void OnParameters(StrategyOptions options) => Parameters = options;
    }
}
