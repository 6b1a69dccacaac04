using Engine.Book;
using Engine.Orders;
using Engine.Risk;
using Engine.Strategies;
using Feeds;

namespace Engine.Bench.Latency;

/// <summary>
/// The harnesses' strategy: on every <c>n</c>th market event it sends one immediate-or-cancel limit
/// order at the touch of that event's instrument (buying at the best ask, then selling at the best bid,
/// so the position stays near flat), and cancels nothing. So a known fraction of events, 1/n, leads to
/// an order (fewer when the book has no opposite side, counted in <see cref="Skipped"/>).
/// </summary>
/// <remarks>Loop thread only; allocates nothing after construction.</remarks>
internal sealed class EveryNthStrategy(int every, long quantity) : IStrategy
{
    private readonly long[] _refusedBy = new long[Enum.GetValues<RiskRejectReason>().Length];
    private readonly int _every = every;
    private int _untilNext = every;
    private bool _sell;

    /// <inheritdoc />
    public string Name => "EveryNth";

    /// <summary>Orders this strategy submitted (approved or not).</summary>
    public long Submitted { get; private set; }

    /// <summary>Orders the checks refused.</summary>
    public long Refused { get; private set; }

    /// <summary>Due orders not sent because the book had no opposite side.</summary>
    public long Skipped { get; private set; }

    /// <inheritdoc />
    public void OnStart(StrategyContext context)
    {
    }

    /// <inheritdoc />
    public void OnMarketData(in MarketDataEvent e, StrategyContext context)
    {
        if (--_untilNext > 0)
        {
            return;
        }
        _untilNext = _every;
        var side = _sell ? Side.Sell : Side.Buy;
        var opposite = _sell ? Side.Buy : Side.Sell;
        if ((uint)e.InstrumentId >= (uint)context.Books.Count || !context.Books[e.InstrumentId].TryGetBest(opposite, out BookLevel touch))
        {
            Skipped++;
            return;
        }
        _sell = !_sell;
        Submitted++;
        var decision = context.Submit(new OrderIntent(0, e.InstrumentId, side, OrderType.Limit, TimeInForce.Ioc, quantity, touch.PriceTicks), out _);
        if (!decision.Approved)
        {
            Refused++;
            _refusedBy[(int)decision.Reason]++;
        }
    }

    /// <summary>The reason the checks gave most often, and how often (None, 0 when nothing was refused). Read after the loop has stopped.</summary>
    public (RiskRejectReason Reason, long Count) TopRefusal()
    {
        int top = 0;
        for (int i = 1; i < _refusedBy.Length; i++)
        {
            if (_refusedBy[i] > _refusedBy[top])
            {
                top = i;
            }
        }
        return ((RiskRejectReason)top, _refusedBy[top]);
    }

    /// <inheritdoc />
    public void OnExecution(in ExecutionReport report, StrategyContext context)
    {
    }

    /// <inheritdoc />
    public void OnTimer(StrategyContext context)
    {
    }

    /// <inheritdoc />
    public void OnParameters(StrategyOptions options)
    {
    }
}
