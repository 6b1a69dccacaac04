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

    /// <summary>Wires the context to the risk stage (checks, positions, books) and the router's id source.</summary>
    public StrategyContext(OrderBooks books, RiskStage risk, ClientOrderIds ids, IClock clock)
    {
        Books = books;
        _risk = risk;
        _ids = ids;
        Clock = clock;
        NowNs = clock.UtcNowNs();
    }

    /// <summary>The order books, current as of the event being handled.</summary>
    public OrderBooks Books { get; }

    /// <summary>Positions (quantity, average entry, P&amp;L), current as of the event being handled.</summary>
    public PositionTable Positions => _risk.Positions;

    /// <summary>The engine's clock: wall time live and on paper, the recorded events' time in a backtest.</summary>
    public IClock Clock { get; }

    /// <summary>The time of the last end of batch (or timer check), nanoseconds since the Unix epoch.</summary>
    public long NowNs { get; internal set; }

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

    /// <summary>Calls <see cref="IStrategy.OnTimer"/> at the first end of batch at or after <paramref name="dueNs"/> (replaces any timer set).</summary>
    public void SetTimer(long dueNs) => TimerDueNs = dueNs;

    /// <summary>Clears the timer.</summary>
    public void ClearTimer() => TimerDueNs = 0;
}
