using Engine.Book;
using Engine.Positions;
using Engine.Risk;
using Engine.Slippage;
using Feeds;
using static Engine.Tests.Book.BookEvents;

namespace Engine.Tests.Risk;

/// <summary>
/// A risk engine over two instruments with 4 price decimals. Instrument 0's book: bids 99.99 x500,
/// 99.50 x500; asks 100.01 x500, 100.50 x500; mid 100.00 = 1,000,000 ticks. Instrument 1 has an empty
/// book. Limits (unless a test changes them): lot 10, collar 100 bps, order quantity 1,000, order
/// notional $50,000, position 2,000, gross $200,000, 3 open orders, 1 engaged instrument, 5 submits
/// (10 a second), 2 cancels (1 a second), slippage 50 bps.
/// </summary>
internal sealed class RiskFixture
{
    public const long T0 = 1_000_000_000_000;
    public const long Mid = 1_000_000;
    public const long Ask = 1_000_100;
    public const long Bid = 999_900;

    public RiskFixture(Action<RiskOptions>? configure = null)
    {
        var options = new RiskOptions
        {
            MaxGrossNotionalCents = 20_000_000,
            MaxOpenOrders = 3,
            MaxOpenPositions = 1,
            SubmitBurst = 5,
            SubmitsPerSecond = 10,
            CancelBurst = 2,
            CancelsPerSecond = 1,
            MaxSlippageBps = 50,
            Defaults = new RiskInstrumentOptions
            {
                LotSize = 10, PriceCollarBps = 100, MaxOrderQuantity = 1_000, MaxOrderNotionalCents = 5_000_000, MaxPositionQuantity = 2_000,
            },
        };
        configure?.Invoke(options);
        Books = new OrderBooks(new BookOptions { Instruments = 2, MaxOrders = 64, MaxLevelsPerSide = 16 });
        Apply(LevelSet(Side.Buy, Bid, 500), LevelSet(Side.Buy, 995_000, 500), LevelSet(Side.Sell, Ask, 500), LevelSet(Side.Sell, 1_005_000, 500));
        Breaker = new CircuitBreaker(options.Breaker, T0);
        Positions = new PositionTable(new PositionsOptions { Instruments = 2 });
        Engine = new RiskEngine(options, Books, Positions, new SlippageEstimator(new SlippageOptions(), 2), Breaker, T0);
    }

    public OrderBooks Books { get; }

    public PositionTable Positions { get; }

    public CircuitBreaker Breaker { get; }

    public RiskEngine Engine { get; }

    public static OrderIntent Limit(Side side, long quantity, long priceTicks, int instrumentId = 0) =>
        new(1, instrumentId, side, OrderType.Limit, TimeInForce.Day, quantity, LimitPriceTicks: priceTicks);

    public static OrderIntent Market(Side side, long quantity, int instrumentId = 0) =>
        new(1, instrumentId, side, OrderType.Market, TimeInForce.Day, quantity);

    public static OrderIntent CancelOf(long clientOrderId) => new(clientOrderId, 0, Side.Buy, OrderType.Limit, TimeInForce.Day, 0, IsCancel: true);

    public RiskRejectReason Check(OrderIntent intent, long nowNs = T0) => Engine.Check(in intent, nowNs).Reason;

    /// <summary>Checks <paramref name="intent"/> and, if approved, reports it accepted, as a router would.</summary>
    public RiskDecision Submit(OrderIntent intent, long nowNs = T0)
    {
        var d = Engine.Check(in intent, nowNs);
        if (d.Approved)
        {
            Engine.OnOrderAccepted(intent.InstrumentId, intent.Side, intent.Quantity, d.NotionalCents);
        }
        return d;
    }

    /// <summary>Replaces instrument 0's book by one level a side at <paramref name="bidTicks"/> and <paramref name="askTicks"/>, 500 each, and marks its position.</summary>
    public PositionError MoveTouch(long bidTicks, long askTicks, long nowNs = T0)
    {
        Apply(Clear(Side.Buy), Clear(Side.Sell), LevelSet(Side.Buy, bidTicks, 500), LevelSet(Side.Sell, askTicks, 500));
        return Engine.OnMark(0, ClosingIntents, nowNs);
    }

    public ClosingIntentBuffer ClosingIntents { get; } = new(4);

    private void Apply(params MarketDataEvent[] events)
    {
        foreach (var e in events)
        {
            var copy = e;
            if (Books.Apply(ref copy) != BookError.None)
            {
                throw new InvalidOperationException("fixture book event failed");
            }
        }
    }
}
