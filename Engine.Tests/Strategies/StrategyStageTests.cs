using Engine.Admin;
using Engine.Book;
using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
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
    private const long T0 = 1_767_623_400_000_000_000;

    private readonly ManualClock _clock = new(T0);
    private readonly Mailbox<StrategyOptions> _parameters = new();
    private RecordingStrategy _strategy = null!;
    private RouterStage _router = null!;
    private HandlerChain _chain;
    private long _sequence;

    [SetUp]
    public void SetUp()
    {
        var books = new OrderBooks(new BookOptions { Instruments = 2 });
        var risk = RiskStage.Create(new RiskOptions(), new SlippageOptions(), new PositionsOptions(), books, new Mailbox<RiskLimits>(), _clock);
        var outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 64, new YieldingWaitStrategy());
        outbound.AddGatingSequences(new Sequence());
        _router = new RouterStage(risk, new OrderTable(64), outbound, new ClientOrderIds(T0), _clock);
        _strategy = new RecordingStrategy();
        var stage = new StrategyStage(_strategy, new StrategyContext(books, risk, _router.Ids, _clock), _parameters);
        _chain = new HandlerChain(books, risk, stage, new TwapStage(_clock, _router.Ids, new Mailbox<TwapParent>(), new AdminMailbox(64)), _router, new EventCounter());
    }

    [Test]
    public void OnEvent_FirstEvent_StartsTheStrategyOnceThenPassesMarketData()
    {
        Market(BookEvents.Quote(9_990, 500, 10_010, 500));
        Market(BookEvents.Quote(9_995, 500, 10_010, 500));

        Assert.That(_strategy.Calls, Is.EqualTo(new[] { "start", "market Quote", "market Quote" }));
    }

    [Test]
    public void OnEvent_MarketData_SeesTheBookAfterTheEvent()
    {
        Market(BookEvents.Quote(9_990, 500, 10_010, 700));

        Assert.That(_strategy.BestBidSeen, Is.EqualTo(9_990));
    }

    [Test]
    public void Submit_ApprovedIntent_ReachesTheRouterInTheSameEvent()
    {
        Market(BookEvents.Quote(9_990, 500, 10_010, 500));
        _strategy.OnNextMarket = context =>
            context.Submit(new OrderIntent(0, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 100, LimitPriceTicks: 9_990), out _strategy.LastId);

        Market(BookEvents.Quote(9_991, 500, 10_010, 500));

        Assert.That(_router.Snapshot.Sent, Is.EqualTo(1));
        Assert.That(_strategy.LastId, Is.Not.Zero);
    }

    [Test]
    public void Submit_IntentPastALimit_IsRefusedAndCounted()
    {
        Market(BookEvents.Quote(9_990, 500, 10_010, 500));
        RiskDecision decision = default;
        _strategy.OnNextMarket = context =>
            decision = context.Submit(new OrderIntent(0, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 1_000_000, LimitPriceTicks: 9_990), out _);

        Market(BookEvents.Quote(9_991, 500, 10_010, 500));

        Assert.That(decision.Approved, Is.False);
        Assert.That(_router.Snapshot.Sent, Is.Zero);
    }

    [Test]
    public void OnEvent_TimerDue_FiresAtTheEndOfBatchOnce()
    {
        Market(BookEvents.Quote(9_990, 500, 10_010, 500));
        _strategy.Context!.SetTimer(T0 + 1_000);

        Market(BookEvents.Quote(9_991, 500, 10_010, 500), endOfBatch: true);
        _clock.NowNs = T0 + 1_000;
        Market(BookEvents.Quote(9_992, 500, 10_010, 500), endOfBatch: false);
        Market(BookEvents.Quote(9_993, 500, 10_010, 500), endOfBatch: true);
        Market(BookEvents.Quote(9_994, 500, 10_010, 500), endOfBatch: true);

        Assert.That(_strategy.Calls.Count(c => c == "timer"), Is.EqualTo(1));
        Assert.That(_strategy.Calls[^2], Is.EqualTo("timer"), "after the batch's last event");
    }

    [Test]
    public void OnEvent_ApplyStrategyParameters_HandsThePostedOptionsOver()
    {
        var reloaded = new StrategyOptions();
        _parameters.Post(reloaded);

        Command(ControlCommand.ApplyStrategyParameters);

        Assert.That(_strategy.Parameters, Is.SameAs(reloaded));
    }

    [Test]
    public void OnEvent_ExecutionReport_ReachesTheStrategy()
    {
        var e = new InboundEvent { Kind = InboundKind.Execution, Execution = new ExecutionReport { Kind = ExecutionKind.Accepted, ClientOrderId = 42 } };

        _chain.OnEvent(ref e, _sequence++, true);

        Assert.That(_strategy.Calls, Does.Contain("execution Accepted 42"));
    }

    [Test]
    public void OnEvent_NoStrategy_DoesNothing()
    {
        var books = new OrderBooks(new BookOptions { Instruments = 1 });
        var risk = RiskStage.Create(new RiskOptions(), new SlippageOptions(), new PositionsOptions(), books, new Mailbox<RiskLimits>(), _clock);
        var stage = new StrategyStage(null, new StrategyContext(books, risk, new ClientOrderIds(T0), _clock), _parameters);
        var e = new InboundEvent { Market = BookEvents.Quote(9_990, 500, 10_010, 500) };

        Assert.DoesNotThrow(() => stage.OnEvent(ref e, true));
        Assert.That(stage.Strategy, Is.Null);
    }

    private void Market(MarketDataEvent market, bool endOfBatch = true)
    {
        var e = new InboundEvent { Kind = InboundKind.MarketData, Market = market };
        _chain.OnEvent(ref e, _sequence++, endOfBatch);
    }

    private void Command(ControlCommand command)
    {
        var e = new InboundEvent { Kind = InboundKind.Command, Command = command };
        _chain.OnEvent(ref e, _sequence++, true);
    }

    private sealed class RecordingStrategy : IStrategy
    {
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
