using Engine.Orders;
using Engine.Positions;
using Feeds;
using HdrHistogram;

namespace Engine.Backtest;

/// <summary>
/// What a backtest records as it runs: every fill, the round trips, the equity curve sampled every
/// interval of venue time, the running peak and drawdowns, and the wall-clock latency of each event
/// through the chain.
/// </summary>
/// <remarks>
/// Backtest thread only, outside the chain: it reads the positions between events. Drawdowns are
/// tracked after every event (and what it led to), not only at the samples. The curve starts at the
/// first event's time with 0 and holds one point at the end of every interval since: the net P&amp;L
/// after the last event before that end (an interval with no event repeats the value before it) and
/// the deepest drawdown reached during the interval, so the curve's worst point is the report's
/// maximum drawdown.
/// </remarks>
public sealed class BacktestRecorder
{
    private readonly long _intervalNs;
    private readonly decimal _capitalCents;
    private readonly List<BacktestTrade> _trades = [];
    private readonly BacktestTrade?[] _open;
    private readonly decimal[] _openBase;
    private long _firstNs = long.MinValue;
    private long _bucket;
    private decimal _lastPnl;
    private decimal _peakPnl;
    private decimal _intervalWorstDrawdown;

    /// <summary>A recorder for <paramref name="instruments"/> instruments, sampling every <paramref name="intervalNs"/> of venue time, on <paramref name="capitalCents"/> of capital.</summary>
    public BacktestRecorder(int instruments, long intervalNs, decimal capitalCents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalNs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(capitalCents, 0m);
        _intervalNs = intervalNs;
        _capitalCents = capitalCents;
        _open = new BacktestTrade?[instruments];
        _openBase = new decimal[instruments];
    }

    /// <summary>The sampling interval, nanoseconds.</summary>
    public long IntervalNs => _intervalNs;

    /// <summary>The capital returns and drawdowns are measured against, cents.</summary>
    public decimal CapitalCents => _capitalCents;

    /// <summary>Every fill, in order.</summary>
    public List<BacktestFill> Fills { get; } = [];

    /// <summary>The equity curve.</summary>
    public List<EquityPoint> Equity { get; } = [];

    /// <summary>The largest drawdown of net P&amp;L from its running peak, cents.</summary>
    public decimal MaxDrawdownCents { get; private set; }

    /// <summary>The largest drawdown of equity (capital plus net P&amp;L) from its running peak, percent of that peak.</summary>
    public double MaxDrawdownPct { get; private set; }

    /// <summary>Wall-clock nanoseconds each inbound event took through the handler chain.</summary>
    public LongHistogram Latency { get; } = new(10_000_000_000L, 3);

    /// <summary>Closed round trips, in closing order, then those still open at the end.</summary>
    public IReadOnlyList<BacktestTrade> Trades
    {
        get
        {
            var all = new List<BacktestTrade>(_trades);
            foreach (var open in _open)
            {
                if (open is { } trade)
                {
                    all.Add(trade);
                }
            }
            return all;
        }
    }

    /// <summary>
    /// Records a fill once the chain has applied it: <paramref name="before"/> and <paramref name="after"/>
    /// are the instrument's position around it; <paramref name="order"/> the order as the router had it;
    /// <paramref name="notionalDecimals"/> the decimals of quantity x price ticks (price decimals + quantity decimals).
    /// </summary>
    public void OnFill(in ExecutionReport report, in Order order, in Position before, in Position after, int notionalDecimals)
    {
        int id = report.InstrumentId;
        decimal fee = (decimal)(after.FeesCents - before.FeesCents);
        decimal notional = report.LastQuantity * (decimal)report.LastPriceTicks * 100m / Pow10(notionalDecimals);
        Fills.Add(new BacktestFill(report.VenueTsNs, id, report.ClientOrderId, report.Side, report.LastQuantity, report.LastPriceTicks, fee, notional, order.DecisionReferenceSubTicks, order.EstimatedPriceSubTicks));

        decimal netBefore = (decimal)(before.RealisedCents - before.FeesCents);
        decimal netAfter = (decimal)(after.RealisedCents - after.FeesCents);
        if (before.Quantity == 0 && after.Quantity != 0)
        {
            Open(id, after.Quantity, report.VenueTsNs, netBefore);
            return;
        }
        if (_open[id] is not { } trade)
        {
            return;
        }
        trade = trade with { Fills = trade.Fills + 1 };
        if (after.Quantity != 0 && Math.Sign(after.Quantity) == Math.Sign(before.Quantity))
        {
            _open[id] = trade with { MaxQuantity = Math.Max(trade.MaxQuantity, Math.Abs(after.Quantity)) };
            return;
        }
        _trades.Add(trade with { CloseNs = report.VenueTsNs, PnlCents = netAfter - _openBase[id] });
        _open[id] = null;
        if (after.Quantity != 0)
        {
            // Turned over: the same fill opens the next round trip, whose P&L starts after it.
            Open(id, after.Quantity, report.VenueTsNs, netAfter);
        }
    }

    /// <summary>Records the net P&amp;L after an event (and everything it led to) at venue time <paramref name="tsNs"/>.</summary>
    public void OnEquity(long tsNs, decimal pnlCents)
    {
        if (_firstNs == long.MinValue)
        {
            _firstNs = tsNs;
            Equity.Add(new EquityPoint(tsNs, 0m, 0m));
        }
        long bucket = Math.Max(0, (tsNs - _firstNs) / _intervalNs);
        // Close every interval that ended before this event with the value it ended on.
        for (; _bucket < bucket; _bucket++)
        {
            CloseInterval();
        }
        _lastPnl = pnlCents;
        _peakPnl = Math.Max(_peakPnl, pnlCents);
        decimal drawdown = _peakPnl - pnlCents;
        _intervalWorstDrawdown = Math.Max(_intervalWorstDrawdown, drawdown);
        MaxDrawdownCents = Math.Max(MaxDrawdownCents, drawdown);
        MaxDrawdownPct = Math.Max(MaxDrawdownPct, (double)(drawdown / (_capitalCents + _peakPnl)) * 100.0);
    }

    /// <summary>Closes the curve with the end of the last event's interval and values the round trips still open at <paramref name="positions"/>' marks (call once, after the run).</summary>
    public void Finish(PositionTable positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        for (int id = 0; id < _open.Length; id++)
        {
            if (_open[id] is { } trade)
            {
                ref readonly var position = ref positions[id];
                _open[id] = trade with { PnlCents = (decimal)(position.RealisedCents - position.FeesCents + position.UnrealisedCents) - _openBase[id] };
            }
        }
        if (_firstNs != long.MinValue)
        {
            // The last interval ends as the others do: nothing moves after the last event, so every return covers a whole interval.
            CloseInterval();
        }
    }

    /// <summary>Adds the point that ends interval <c>_bucket</c>: the net P&amp;L it ended on and the deepest drawdown in it; the next starts from the drawdown held.</summary>
    private void CloseInterval()
    {
        decimal held = _peakPnl - _lastPnl;
        Equity.Add(new EquityPoint(_firstNs + ((_bucket + 1) * _intervalNs), _lastPnl, Math.Max(_intervalWorstDrawdown, held)));
        _intervalWorstDrawdown = held;
    }

    private void Open(int id, long quantity, long tsNs, decimal netBase)
    {
        _open[id] = new BacktestTrade(id, quantity > 0, tsNs, 0, Math.Abs(quantity), 1, 0m);
        _openBase[id] = netBase;
    }

    private static decimal Pow10(int decimals)
    {
        decimal value = 1m;
        for (int i = 0; i < decimals; i++)
        {
            value *= 10m;
        }
        return value;
    }
}
