using Engine.Book;
using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Risk;
using Engine.Slippage;
using Engine.Tests.Risk;
using Engine.Tests.Support;
using Feeds;
using static Engine.Tests.Book.BookEvents;

namespace Engine.Tests.Orders.Twap;

/// <summary>
/// Books, risk stage, TWAP stage and router as the loop would run them (the TWAP stage between risk
/// and router), with a manual clock and an outbound ring whose consumer moves when <see cref="Drain"/>
/// reads it. Instrument 0 is quoted 99.99 / 100.01 with 5,000 each side (4 price decimals, sub-penny
/// rule: a cent is 100 ticks). The parent by default buys 1,000 in 10 market slices over 10 s; the
/// risk limits are the defaults with room for many submits and cancels.
/// </summary>
internal sealed class TwapFixture
{
    public const long Bid = 999_900;
    public const long Ask = 1_000_100;
    public const long ParentId = 7;

    private long _read;

    public TwapFixture(Action<TwapOptions>? twap = null, Action<RiskOptions>? risk = null, int orderTableCapacity = 256)
    {
        var riskOptions = new RiskOptions { SubmitBurst = 10_000, SubmitsPerSecond = 10_000, CancelBurst = 10_000, CancelsPerSecond = 10_000, MaxOpenOrders = 1_000 };
        risk?.Invoke(riskOptions);
        Books = new OrderBooks(new BookOptions { Instruments = 2, MaxOrders = 64, MaxLevelsPerSide = 8 });
        Risk = RiskStage.Create(riskOptions, new SlippageOptions(), new PositionsOptions(), Books, new Mailbox<RiskLimits>(), Clock);
        Outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 1024, new YieldingWaitStrategy());
        Outbound.AddGatingSequences(Venue);
        Router = new RouterStage(Risk, new OrderTable(orderTableCapacity), Outbound, new ClientOrderIds(Clock.NowNs), Clock);
        Options = new TwapOptions { TotalQuantity = 1_000, Slices = 10, DurationMs = 10_000 };
        twap?.Invoke(Options);
        Stage = new TwapStage(new TwapExecutor(Options, Books, Risk, Router), Clock);
        Market(LevelSet(Side.Buy, Bid, 5_000));
        Market(LevelSet(Side.Sell, Ask, 5_000));
        _read = Outbound.Cursor + 1;
    }

    public ManualClock Clock { get; } = new(BreakerTestClock.T0);

    public OrderBooks Books { get; }

    public RiskStage Risk { get; }

    public RingBuffer<OrderCommand> Outbound { get; }

    public Sequence Venue { get; } = new();

    public RouterStage Router { get; }

    public TwapOptions Options { get; }

    public TwapStage Stage { get; }

    public TwapExecutor Twap => Stage.Executor!;

    /// <summary>Starts the parent now and runs one event.</summary>
    public void Start()
    {
        if (!Twap.Start(ParentId, Clock.NowNs))
        {
            throw new InvalidOperationException("the parent did not start");
        }
        Tick();
    }

    /// <summary>Moves the clock to <paramref name="ms"/> after the start and runs one event.</summary>
    public void At(long ms)
    {
        Clock.NowNs = BreakerTestClock.T0 + BreakerTestClock.Ms(ms);
        Tick();
    }

    /// <summary>Runs one event that carries nothing (a heartbeat).</summary>
    public void Tick() => Run(new InboundEvent { Kind = InboundKind.Command, Command = ControlCommand.None });

    public void Market(MarketDataEvent market) => Run(new InboundEvent { Kind = InboundKind.MarketData, Market = market });

    public void Command(ControlCommand command) => Run(new InboundEvent { Kind = InboundKind.Command, Command = command });

    public void Report(ExecutionKind kind, long clientOrderId, long lastQuantity = 0, long lastPriceTicks = Ask) =>
        Run(new InboundEvent
        {
            Kind = InboundKind.Execution,
            Execution = new ExecutionReport
            {
                Kind = kind, ClientOrderId = clientOrderId, InstrumentId = 0, Side = Options.Side,
                LastQuantity = kind is ExecutionKind.Fill or ExecutionKind.PartialFill ? lastQuantity : 0,
                LastPriceTicks = kind is ExecutionKind.Fill or ExecutionKind.PartialFill ? lastPriceTicks : 0,
            },
        });

    /// <summary>The commands written since the last drain; the venue has then consumed them.</summary>
    public List<OrderCommand> Drain()
    {
        var commands = new List<OrderCommand>();
        for (; _read <= Outbound.Cursor; _read++)
        {
            commands.Add(Outbound[_read]);
        }
        Venue.SetValue(Outbound.Cursor);
        return commands;
    }

    /// <summary>The one new order written since the last drain.</summary>
    public OrderCommand SingleNew()
    {
        var commands = Drain();
        if (commands.Count != 1 || commands[0].Kind != OrderCommandKind.New)
        {
            throw new InvalidOperationException($"expected one new order, found {commands.Count} commands");
        }
        return commands[0];
    }

    /// <summary>What the router holds for the parent's orders: filled plus still working.</summary>
    public long CommittedInTable()
    {
        long committed = 0;
        foreach (ref readonly var order in Router.Orders.All)
        {
            if (order.ParentId == ParentId && order.ClientOrderId != 0)
            {
                committed += order.FilledQuantity + order.LeavesQuantity;
            }
        }
        return committed;
    }

    /// <summary>Runs <paramref name="e"/> through the books, risk, <paramref name="stage"/> (another than <see cref="Stage"/>, as the host builds one) and the router, as one batch.</summary>
    public void Run(InboundEvent e, TwapStage stage)
    {
        if (e.Kind == InboundKind.MarketData)
        {
            Books.OnEvent(ref e);
        }
        Risk.OnEvent(ref e, endOfBatch: true);
        stage.OnEvent(ref e, endOfBatch: true);
        Router.OnEvent(ref e);
        Risk.PublishSnapshot();
        Router.PublishSnapshot();
    }

    private void Run(InboundEvent e) => Run(e, Stage);
}
