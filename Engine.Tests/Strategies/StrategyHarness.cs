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

/// <summary>
/// A strategy in the real chain (books, risk, strategy, TWAP stage, router) on a manual clock, fed
/// hand-built market events and execution reports; nothing consumes the outbound ring.
/// </summary>
internal sealed class StrategyHarness
{
    public const long T0 = 1_767_623_400_000_000_000;

    private readonly HandlerChain _chain;
    private long _sequence;

    public StrategyHarness(IStrategy strategy, RiskOptions? risk = null, int instruments = 2)
    {
        Books = new OrderBooks(new BookOptions { Instruments = instruments });
        // One-cent ticks: prices around 10,000 ticks ($100) are on the penny grid.
        risk ??= new RiskOptions { Defaults = new RiskInstrumentOptions { PriceDecimals = 2 } };
        Risk = RiskStage.Create(risk, new SlippageOptions(), new PositionsOptions(), Books, new Mailbox<RiskLimits>(), Clock);
        var outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 4096, new YieldingWaitStrategy());
        Outbound = new Sequence();
        outbound.AddGatingSequences(Outbound);
        OutboundRing = outbound;
        Router = new RouterStage(Risk, new OrderTable(1024), outbound, new ClientOrderIds(T0), Clock);
        Stage = new StrategyStage(strategy, new StrategyContext(Books, Risk, Router.Ids, Clock, Router.Orders), Parameters);
        _chain = new HandlerChain(Books, Risk, Stage, new TwapStage(Clock, Router.Ids, new Mailbox<TwapParent>(), new AdminMailbox(64)), Router, venue: null, new EventCounter());
    }

    public ManualClock Clock { get; } = new(T0);

    public OrderBooks Books { get; }

    public RiskStage Risk { get; }

    public RouterStage Router { get; }

    public StrategyStage Stage { get; }

    public Mailbox<StrategyOptions> Parameters { get; } = new();

    public RingBuffer<OrderCommand> OutboundRing { get; }

    /// <summary>The outbound consumer's sequence: move it to free the ring.</summary>
    public Sequence Outbound { get; }

    public long Position(int instrumentId = 0) => Risk.Positions[instrumentId].Quantity;

    /// <summary>One market event of <paramref name="instrumentId"/>, ending its batch unless <paramref name="endOfBatch"/> is false.</summary>
    public void Market(MarketDataEvent market, int instrumentId = 0, bool endOfBatch = true)
    {
        market.InstrumentId = instrumentId;
        var e = new InboundEvent { Kind = InboundKind.MarketData, Market = market };
        _chain.OnEvent(ref e, _sequence++, endOfBatch);
    }

    /// <summary>Sets the book of <paramref name="instrumentId"/> to one bid and one ask level.</summary>
    public void Quote(long bidTicks, long bidQuantity, long askTicks, long askQuantity, int instrumentId = 0) =>
        Market(BookEvents.Quote(bidTicks, bidQuantity, askTicks, askQuantity), instrumentId);

    /// <summary>A venue's report on order <paramref name="clientOrderId"/> (side, instrument and quantities from the router's order).</summary>
    public void Report(ExecutionKind kind, long clientOrderId, long lastQuantity = 0, long lastPriceTicks = 0)
    {
        int slot = Router.Orders.Find(clientOrderId);
        var order = slot >= 0 ? Router.Orders[slot] : default;
        long cumulative = order.FilledQuantity + lastQuantity;
        var report = new ExecutionReport
        {
            Kind = kind,
            Side = order.Side,
            InstrumentId = order.InstrumentId,
            ClientOrderId = clientOrderId,
            LastQuantity = lastQuantity,
            LastPriceTicks = lastPriceTicks,
            CumulativeQuantity = cumulative,
            LeavesQuantity = kind is ExecutionKind.Fill or ExecutionKind.Canceled or ExecutionKind.Rejected or ExecutionKind.Expired ? 0 : order.Quantity - cumulative,
            VenueTsNs = Clock.NowNs,
        };
        var e = new InboundEvent { Kind = InboundKind.Execution, Execution = report };
        _chain.OnEvent(ref e, _sequence++, true);
    }

    /// <summary>Moves the clock on and ends a batch, so the strategy's time (taken at ends of batch) follows.</summary>
    public void Advance(long milliseconds)
    {
        Clock.NowNs += milliseconds * 1_000_000;
        Command(ControlCommand.None);
    }

    public void Command(ControlCommand command)
    {
        var e = new InboundEvent { Kind = InboundKind.Command, Command = command };
        _chain.OnEvent(ref e, _sequence++, true);
    }

    /// <summary>The router's order <paramref name="clientOrderId"/>; fails the test when it has none.</summary>
    public Order Order(long clientOrderId)
    {
        int slot = Router.Orders.Find(clientOrderId);
        Assert.That(slot, Is.GreaterThanOrEqualTo(0), $"the router has order {clientOrderId}");
        return Router.Orders[slot];
    }

    /// <summary>Lets the outbound ring's consumer catch up (nothing reads the commands).</summary>
    public void DrainOutbound() => Outbound.SetValue(OutboundRing.Cursor);
}
