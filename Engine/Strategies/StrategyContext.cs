using Engine.Book;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Positions;
using Engine.Risk;

namespace Engine.Strategies;

/// <summary>
/// What a strategy sees and does: the books, the positions, the time, order ids, its timer, and the
/// way out for its intents (through the slippage estimate and the pre-trade checks).
/// </summary>
/// <remarks>Loop thread only; one per engine, built at start-up.</remarks>
public sealed class StrategyContext
{
    private readonly RiskStage _risk;
    private readonly ClientOrderIds _ids;

    /// <summary>
    /// Wires the context to the risk stage (checks, positions, books) and the router's id source and,
    /// when given, the router's order table (<paramref name="orders"/>: the TWAP strategy follows its
    /// children there, the market maker sees whether the router sent what it submitted).
    /// </summary>
    public StrategyContext(OrderBooks books, RiskStage risk, ClientOrderIds ids, IClock clock, OrderTable? orders = null)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(clock);
        Books = books;
        _risk = risk;
        _ids = ids;
        Clock = clock;
        Orders = orders;
        NowNs = clock.UtcNowNs();
    }

    /// <summary>The order books, current as of the event being handled.</summary>
    public OrderBooks Books { get; }

    /// <summary>Positions (quantity, average entry, P&amp;L), current as of the event being handled.</summary>
    public PositionTable Positions => _risk.Positions;

    /// <summary>The router's orders (read only: the router owns them), current as of the previous event; null when not wired.</summary>
    public OrderTable? Orders { get; }

    /// <summary>What may trade now: <see cref="TradingState.Halted"/> while the breaker is not closed or the kill switch is engaged.</summary>
    public TradingState TradingState => _risk.Breaker.TradingState;

    /// <summary>The risk stage (limits, breaker, checks), for components a strategy drives itself (the TWAP executor).</summary>
    internal RiskStage Risk => _risk;

    /// <summary>The router's id source, for components a strategy drives itself.</summary>
    internal ClientOrderIds Ids => _ids;

    /// <summary>The engine's clock: wall time live and on paper, the recorded events' time in a backtest.</summary>
    public IClock Clock { get; }

    /// <summary>The time of the last batch, as the risk stage took it (when its first event was published), or of the start before the first; nanoseconds since the Unix epoch.</summary>
    public long NowNs { get; internal set; }

    /// <summary>The time the risk stage took at this batch's first event (it runs first): one time a batch for both.</summary>
    internal long RiskNowNs => _risk.NowNs;

    /// <summary>When the timer is due (0: not set).</summary>
    public long TimerDueNs { get; private set; }

    /// <summary>Intents submitted since start, and of those, the ones the checks refused.</summary>
    public long Submitted { get; private set; }

    /// <inheritdoc cref="Submitted"/>
    public long Refused { get; private set; }

    /// <summary>
    /// Submits <paramref name="intent"/> (a new order, a replace, or a cancel) with a fresh client order
    /// id when it has none; the id used is returned in <paramref name="clientOrderId"/>. The decision
    /// says whether the checks approved it: approved intents go to the venue at the end of this event.
    /// </summary>
    public RiskDecision Submit(in OrderIntent intent, out long clientOrderId)
    {
        clientOrderId = intent.ClientOrderId != 0 ? intent.ClientOrderId : _ids.Next();
        Submitted++;
        var decision = _risk.Submit(intent with { ClientOrderId = clientOrderId });
        if (!decision.Approved)
        {
            Refused++;
        }
        return decision;
    }

    /// <summary>Asks the venue to cancel the strategy's open order <paramref name="clientOrderId"/> on <paramref name="instrumentId"/>.</summary>
    public RiskDecision Cancel(long clientOrderId, int instrumentId) =>
        Submit(new OrderIntent(clientOrderId, instrumentId, default, OrderType.Limit, TimeInForce.Day, 0, IsCancel: true), out _);

    /// <summary>A fresh client order id (for a parent order, or to know an order's id before submitting it).</summary>
    public long NextClientOrderId() => _ids.Next();

    /// <summary>The lot size of <paramref name="instrumentId"/> under the risk limits in force: order quantities are multiples of it.</summary>
    public long LotSize(int instrumentId) => _risk.Engine.Limits.Rules[instrumentId].LotSize;

    /// <summary>
    /// <paramref name="priceTicks"/> moved onto the price grid the risk checks accept for
    /// <paramref name="instrumentId"/> (its tick and sub-penny step): down, or up with <paramref name="up"/>.
    /// </summary>
    public long RoundToPriceGrid(int instrumentId, long priceTicks, bool up) =>
        _risk.Engine.Limits.Rules[instrumentId].RoundToGrid(priceTicks, up);

    /// <summary>Calls <see cref="IStrategy.OnTimer"/> at the first end of batch at or after <paramref name="dueNs"/> (replaces any timer set): live and on paper, at most <c>pipeline.tickMs</c> late in a quiet market.</summary>
    public void SetTimer(long dueNs) => TimerDueNs = dueNs;

    /// <summary>Clears the timer.</summary>
    public void ClearTimer() => TimerDueNs = 0;
}
