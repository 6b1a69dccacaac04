using Engine.Book;
using Engine.Orders;
using Engine.Risk;
using Feeds;

namespace Engine.Strategies;

/// <summary>
/// Takes liquidity when the top levels of an instrument's book lean far enough to one side: a
/// marketable IOC limit order on the heavy side (buy when bids outweigh asks), a fixed size, at
/// most one order in flight and one per cooldown per instrument, never past a max position.
/// </summary>
/// <remarks>
/// <para>The rules, on each market event of a traded instrument with a valid book that is neither
/// crossed nor locked (a crossed book's imbalance and far touch are not prices anyone can trade at;
/// such events are counted in <see cref="CrossedSkipped"/>), no order of its own in flight and its
/// cooldown over: imbalance = (bid size - ask size) / (bid size + ask size) over the
/// best <see cref="ImbalanceTakerOptions.Levels"/> levels, in basis points. At or above the threshold
/// it buys, at or below minus the threshold it sells, with an IOC limit at the far touch (best ask
/// for a buy) plus <see cref="ImbalanceTakerOptions.ThroughTicks"/> further, rounded outward to the
/// price grid. The size is <see cref="ImbalanceTakerOptions.Quantity"/>, cut (in whole lots) to what
/// keeps |position| within the max position; an order that reduces the position always fits. While
/// trading is Reducing only an order that reduces the position goes (at most the position); while
/// Halted none. Each order, approved or refused, starts the instrument's cooldown.</para>
/// <para>Loop thread only; nothing allocates after construction.</para>
/// </remarks>
public sealed class ImbalanceTakerStrategy : IStrategy
{
    private readonly bool[] _traded;
    private readonly long[] _cooldownUntilNs;
    private readonly long[] _inFlightId;
    private readonly long[] _inFlightAtEvent;
    private int _levels;
    private long _thresholdBps;
    private long _quantity;
    private long _throughTicks;
    private long _cooldownNs;
    private long _maxPosition;
    private long _events;

    /// <summary>An imbalance taker for <paramref name="instruments"/> books with <paramref name="options"/> (validated).</summary>
    public ImbalanceTakerStrategy(StrategyOptions options, int instruments)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(instruments);
        _traded = new bool[instruments];
        _cooldownUntilNs = new long[instruments];
        _inFlightId = new long[instruments];
        _inFlightAtEvent = new long[instruments];
        OnParameters(options);
    }

    /// <inheritdoc />
    public string Name => nameof(StrategyKind.ImbalanceTaker);

    /// <summary>The parameters in force (the last reloaded).</summary>
    public ImbalanceTakerOptions Parameters { get; private set; } = null!;

    /// <summary>Times the imbalance passed the threshold with the instrument free to trade.</summary>
    public long Signals { get; private set; }

    /// <summary>Events skipped because the instrument's book was crossed or locked.</summary>
    public long CrossedSkipped { get; private set; }

    /// <summary>Orders submitted (approved).</summary>
    public long OrdersSent { get; private set; }

    /// <summary>Orders the checks refused.</summary>
    public long Refused { get; private set; }

    /// <summary>Orders the venue rejected.</summary>
    public long VenueRejects { get; private set; }

    /// <summary>Fill reports (partial and full) of the strategy's orders.</summary>
    public long Fills { get; private set; }

    /// <summary>Quantity filled.</summary>
    public long FilledQuantity { get; private set; }

    /// <summary>The client order id of the order in flight on <paramref name="instrumentId"/> (0: none).</summary>
    public long InFlight(int instrumentId) => _inFlightId[instrumentId];

    /// <inheritdoc />
    public IReadOnlyList<string> CountNames { get; } = ["signals", "orders_sent", "refused", "venue_rejects", "fills", "filled_quantity", "crossed_skipped"];

    /// <inheritdoc />
    public void CopyCounts(Span<long> counts)
    {
        counts[0] = Signals;
        counts[1] = OrdersSent;
        counts[2] = Refused;
        counts[3] = VenueRejects;
        counts[4] = Fills;
        counts[5] = FilledQuantity;
        counts[6] = CrossedSkipped;
    }

    /// <inheritdoc />
    public void OnStart(StrategyContext context)
    {
    }

    /// <inheritdoc />
    public void OnMarketData(in MarketDataEvent e, StrategyContext context)
    {
        int id = e.InstrumentId;
        if ((uint)id >= (uint)_traded.Length)
        {
            return;
        }
        _events++;
        if (_inFlightId[id] != 0)
        {
            CheckSent(id, context);
            return;
        }
        long now = context.NowNs;
        if (!_traded[id] || now < _cooldownUntilNs[id])
        {
            return;
        }
        var book = context.Books[id];
        if (book.Condition != BookCondition.Normal)
        {
            CrossedSkipped++;
            return;
        }
        if (!book.IsValid || !book.TryGetImbalanceBasisPoints(_levels, out long imbalance))
        {
            return;
        }
        Side side = imbalance >= _thresholdBps ? Side.Buy : imbalance <= -_thresholdBps ? Side.Sell : Side.None;
        if (side == Side.None || !book.TryGetBest(side == Side.Buy ? Side.Sell : Side.Buy, out var farTouch))
        {
            return;
        }
        long quantity = Size(id, side, context);
        if (quantity <= 0)
        {
            return;
        }
        Signals++;
        bool buy = side == Side.Buy;
        long price = context.RoundToPriceGrid(id, farTouch.PriceTicks + (buy ? _throughTicks : -_throughTicks), up: buy);
        if (price <= 0)
        {
            return;
        }
        _cooldownUntilNs[id] = now + _cooldownNs;
        var intent = new OrderIntent(0, id, side, OrderType.Limit, TimeInForce.Ioc, quantity, LimitPriceTicks: price);
        if (context.Submit(in intent, out long clientOrderId).Approved)
        {
            OrdersSent++;
            _inFlightId[id] = clientOrderId;
            _inFlightAtEvent[id] = _events;
        }
        else
        {
            Refused++;
        }
    }

    /// <inheritdoc />
    public void OnExecution(in ExecutionReport report, StrategyContext context)
    {
        int id = report.InstrumentId;
        if ((uint)id >= (uint)_traded.Length || report.ClientOrderId == 0 || _inFlightId[id] != report.ClientOrderId)
        {
            return;
        }
        if (report.Kind is ExecutionKind.Fill or ExecutionKind.PartialFill)
        {
            Fills++;
            FilledQuantity += report.LastQuantity;
        }
        if (report.Kind == ExecutionKind.Rejected)
        {
            VenueRejects++;
        }
        if (report.Kind is ExecutionKind.Fill or ExecutionKind.Canceled or ExecutionKind.Expired or ExecutionKind.Rejected or ExecutionKind.Replaced)
        {
            _inFlightId[id] = 0;
        }
    }

    /// <inheritdoc />
    public void OnTimer(StrategyContext context)
    {
    }

    /// <inheritdoc />
    public void OnParameters(StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var taker = options.ImbalanceTaker;
        Parameters = taker;
        _levels = taker.Levels;
        _thresholdBps = taker.ThresholdBps;
        _quantity = taker.Quantity;
        _throughTicks = taker.ThroughTicks;
        _cooldownNs = taker.CooldownMs * 1_000_000L;
        _maxPosition = taker.MaxPosition;
        for (int id = 0; id < _traded.Length; id++)
        {
            _traded[id] = options.Trades(id);
        }
    }

    /// <summary>The order's size: the configured quantity cut to the room under the max position (or, while Reducing, to the position), in whole lots; 0 for none.</summary>
    private long Size(int id, Side side, StrategyContext context)
    {
        long position = context.Positions[id].Quantity;
        long signed = side == Side.Buy ? position : -position; // the position as the order's side sees it
        long room = _maxPosition - signed;
        var state = context.TradingState;
        if (state == TradingState.Halted || (state == TradingState.Reducing && signed >= 0))
        {
            return 0;
        }
        if (state == TradingState.Reducing)
        {
            room = -signed;
        }
        long quantity = Math.Min(_quantity, room);
        long lot = context.LotSize(id);
        return quantity - (quantity % lot);
    }

    /// <summary>An order in flight that the router has had a turn at, yet is neither in its order table nor reported on, was never sent: forget it.</summary>
    private void CheckSent(int id, StrategyContext context)
    {
        long submittedAt = _inFlightAtEvent[id];
        if (submittedAt == long.MaxValue || submittedAt == _events || context.Orders is not { } orders)
        {
            return;
        }
        if (orders.Find(_inFlightId[id]) >= 0)
        {
            _inFlightAtEvent[id] = long.MaxValue; // seen sent: from now on its reports end it
        }
        else
        {
            _inFlightId[id] = 0;
        }
    }
}
