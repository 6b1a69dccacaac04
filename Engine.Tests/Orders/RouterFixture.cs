using System.Diagnostics;
using Engine.Book;
using Engine.Orders;
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

namespace Engine.Tests.Orders;

/// <summary>
/// Books, risk stage and router as the loop runs them, with an outbound ring of 16 slots whose
/// consumer (<see cref="Venue"/>) only moves when a test says so. Instrument 0 is quoted 99.99 /
/// 100.01 (4 price decimals); default risk limits.
/// </summary>
internal sealed class RouterFixture
{
    public const long Bid = 999_900;
    public const long Ask = 1_000_100;


    public RouterFixture(Action<RiskOptions>? configure = null, int outboundSlots = 16, int ackTimeoutMs = 0)
    {
        var risk = new RiskOptions();
        configure?.Invoke(risk);
        Books = new OrderBooks(new BookOptions { Instruments = 2, MaxOrders = 64, MaxLevelsPerSide = 8 });
        Risk = RiskStage.Create(risk, new SlippageOptions(), new PositionsOptions(), Books, new Mailbox<RiskLimits>(), Clock);
        Outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, outboundSlots, new YieldingWaitStrategy());
        Outbound.AddGatingSequences(Venue);
        Router = new RouterStage(Risk, new OrderTable(64), Outbound, new ClientOrderIds(Clock.NowNs), Clock, ackTimeoutMs: ackTimeoutMs);
        Market(LevelSet(Side.Buy, Bid, 500));
        Market(LevelSet(Side.Sell, Ask, 500));
    }

    public ManualClock Clock { get; } = new(BreakerTestClock.T0);

    public OrderBooks Books { get; }

    public RiskStage Risk { get; }

    public RingBuffer<OrderCommand> Outbound { get; }

    /// <summary>The outbound consumer's position: commands up to it may be overwritten.</summary>
    public Sequence Venue { get; } = new();

    public RouterStage Router { get; }

    public static OrderIntent Limit(Side side, long quantity, long priceTicks, TimeInForce tif = TimeInForce.Day) =>
        new(0, 0, side, OrderType.Limit, tif, quantity, LimitPriceTicks: priceTicks);

    /// <summary>Submits <paramref name="intent"/> through risk and runs the router; the decision.</summary>
    public RiskDecision Submit(OrderIntent intent)
    {
        var decision = Risk.Submit(in intent);
        Run(new InboundEvent { Kind = InboundKind.Command, Command = ControlCommand.None });
        return decision;
    }

    /// <summary>The last command written.</summary>
    public OrderCommand LastCommand => Outbound[Outbound.Cursor];

    /// <summary>Commands written so far.</summary>
    public long CommandCount => Outbound.Cursor + 1;

    public void Market(MarketDataEvent market) => Run(new InboundEvent { Kind = InboundKind.MarketData, Market = market });

    public void Report(ExecutionKind kind, long clientOrderId, long lastQuantity = 0, long lastPriceTicks = 0, VenueRejectReason reject = VenueRejectReason.None, Side side = Side.Buy, int instrumentId = 0) =>
        Run(new InboundEvent
        {
            Kind = InboundKind.Execution,
            Execution = new ExecutionReport
            {
                Kind = kind, ClientOrderId = clientOrderId, LastQuantity = lastQuantity, LastPriceTicks = lastPriceTicks, Reject = reject,
                Side = side, InstrumentId = instrumentId,
            },
        });

    public void Command(ControlCommand command) => Run(new InboundEvent { Kind = InboundKind.Command, Command = command });

    public ref readonly Order OrderOf(long clientOrderId) => ref Router.Orders[Router.Orders.Find(clientOrderId)];

    private void Run(InboundEvent e)
    {
        // Stamped as a producer publishing into the ring does.
        e.TsPublishTicks = Stopwatch.GetTimestamp();
        if (e.Kind == InboundKind.MarketData)
        {
            Books.OnEvent(ref e);
        }
        Risk.OnEvent(ref e, endOfBatch: true);
        Router.OnEvent(ref e);
        Risk.PublishSnapshot();
        Router.PublishSnapshot();
    }
}
