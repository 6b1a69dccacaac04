using Engine.Positions;

namespace Engine.Backtest;

/// <summary>
/// The backtest's figures, from the recorder and the final positions. Definitions (also in
/// docs/OPERATIONS.md):
/// <list type="bullet">
/// <item>Returns: r_k = (P_k - P_{k-1}) / C over the equity curve's points (one per interval), P the net
/// P&amp;L in cents, C the capital.</item>
/// <item>Sharpe: mean(r) / sd(r) x sqrt(periods a year), sd the sample standard deviation (n-1); null with
/// fewer than 2 returns or sd 0. Periods a year: seconds in a trading year / the interval in seconds.</item>
/// <item>Sortino: mean(r) / sqrt(sum(min(r,0)^2) / n) x sqrt(periods a year) (target 0, over all n
/// returns); null when no return is negative.</item>
/// <item>Win rate: closed round trips with P&amp;L &gt; 0 over closed round trips; null with none.</item>
/// <item>Turnover: traded notional (quantity x price over every fill) over the capital.</item>
/// <item>Slippage: per fill, the price against the decision's reference (mid at the risk check) in bps,
/// positive when worse for the order, and the estimator's average price against the same reference;
/// the totals are quantity-weighted means.</item>
/// </list>
/// </summary>
public sealed record BacktestFigures
{
    /// <summary>Net P&amp;L: realised plus unrealised (marked to the last mid) less fees, cents.</summary>
    public decimal NetPnlCents { get; init; }

    /// <summary>Realised P&amp;L, cents.</summary>
    public decimal RealisedCents { get; init; }

    /// <summary>Unrealised P&amp;L of what is still held, cents.</summary>
    public decimal UnrealisedCents { get; init; }

    /// <summary>Fees paid (less rebates), cents.</summary>
    public decimal FeesCents { get; init; }

    /// <summary>Returns the ratios were computed over.</summary>
    public int Returns { get; init; }

    /// <summary>Periods a year (seconds in a trading year over the interval).</summary>
    public double PeriodsPerYear { get; init; }

    /// <summary>Annualised Sharpe ratio, or null.</summary>
    public double? Sharpe { get; init; }

    /// <summary>Annualised Sortino ratio, or null.</summary>
    public double? Sortino { get; init; }

    /// <summary>Largest fall of net P&amp;L from its running peak, cents (at every event).</summary>
    public decimal MaxDrawdownCents { get; init; }

    /// <summary>Largest fall of equity (capital plus net P&amp;L) from its running peak, percent of the peak.</summary>
    public double MaxDrawdownPct { get; init; }

    /// <summary>Closed round trips.</summary>
    public int ClosedTrades { get; init; }

    /// <summary>Closed round trips with a P&amp;L above zero.</summary>
    public int WinningTrades { get; init; }

    /// <summary>Round trips still open at the end.</summary>
    public int OpenTrades { get; init; }

    /// <summary>Winning over closed round trips, or null.</summary>
    public double? WinRate { get; init; }

    /// <summary>Fills.</summary>
    public int Fills { get; init; }

    /// <summary>Quantity x price over every fill, cents.</summary>
    public decimal TradedNotionalCents { get; init; }

    /// <summary>Traded notional over the capital.</summary>
    public double Turnover { get; init; }

    /// <summary>Fills with a decision reference price.</summary>
    public int FillsWithReference { get; init; }

    /// <summary>Fills with a slippage estimate.</summary>
    public int FillsWithEstimate { get; init; }

    /// <summary>Quantity-weighted realised slippage against the reference, bps; null without fills that have one.</summary>
    public double? RealisedSlippageBps { get; init; }

    /// <summary>Quantity-weighted estimated slippage, bps, over the fills with an estimate; null without.</summary>
    public double? EstimatedSlippageBps { get; init; }

    /// <summary>Quantity-weighted realised less estimated slippage over the fills with an estimate, bps; null without.</summary>
    public double? RealisedMinusEstimatedBps { get; init; }

    /// <summary>Computes the figures; <paramref name="secondsPerYear"/> annualises the ratios.</summary>
    public static BacktestFigures Compute(BacktestRecorder recorder, PositionTotals totals, double secondsPerYear)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        double periodsPerYear = secondsPerYear / (recorder.IntervalNs / 1e9);
        var returns = ReturnsOf(recorder.Equity, recorder.CapitalCents);
        int closed = 0;
        int winning = 0;
        int open = 0;
        foreach (var trade in recorder.Trades)
        {
            if (!trade.IsClosed)
            {
                open++;
            }
            else
            {
                closed++;
                winning += trade.PnlCents > 0 ? 1 : 0;
            }
        }
        decimal notional = 0;
        foreach (var fill in recorder.Fills)
        {
            notional += fill.NotionalCents;
        }
        var slippage = Slippage(recorder.Fills);
        return new BacktestFigures
        {
            NetPnlCents = (decimal)totals.NetCents,
            RealisedCents = (decimal)totals.RealisedCents,
            UnrealisedCents = (decimal)totals.UnrealisedCents,
            FeesCents = (decimal)totals.FeesCents,
            Returns = returns.Length,
            PeriodsPerYear = periodsPerYear,
            Sharpe = SharpeOf(returns, periodsPerYear),
            Sortino = SortinoOf(returns, periodsPerYear),
            MaxDrawdownCents = recorder.MaxDrawdownCents,
            MaxDrawdownPct = recorder.MaxDrawdownPct,
            ClosedTrades = closed,
            WinningTrades = winning,
            OpenTrades = open,
            WinRate = closed > 0 ? (double)winning / closed : null,
            Fills = recorder.Fills.Count,
            TradedNotionalCents = notional,
            Turnover = (double)(notional / recorder.CapitalCents),
            FillsWithReference = slippage.WithReference,
            FillsWithEstimate = slippage.WithEstimate,
            RealisedSlippageBps = slippage.Realised,
            EstimatedSlippageBps = slippage.Estimated,
            RealisedMinusEstimatedBps = slippage.Difference,
        };
    }

    /// <summary>The returns of consecutive curve points over <paramref name="capitalCents"/>.</summary>
    public static double[] ReturnsOf(IReadOnlyList<EquityPoint> curve, decimal capitalCents)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var returns = new double[Math.Max(0, curve.Count - 1)];
        for (int i = 1; i < curve.Count; i++)
        {
            returns[i - 1] = (double)((curve[i].PnlCents - curve[i - 1].PnlCents) / capitalCents);
        }
        return returns;
    }

    /// <summary>Annualised Sharpe ratio of <paramref name="returns"/> (see the type's remarks), or null.</summary>
    public static double? SharpeOf(ReadOnlySpan<double> returns, double periodsPerYear)
    {
        if (returns.Length < 2)
        {
            return null;
        }
        double mean = Mean(returns);
        double squares = 0;
        foreach (double r in returns)
        {
            squares += (r - mean) * (r - mean);
        }
        double sd = Math.Sqrt(squares / (returns.Length - 1));
        return sd > 0 ? mean / sd * Math.Sqrt(periodsPerYear) : null;
    }

    /// <summary>Annualised Sortino ratio of <paramref name="returns"/> (see the type's remarks), or null.</summary>
    public static double? SortinoOf(ReadOnlySpan<double> returns, double periodsPerYear)
    {
        if (returns.Length == 0)
        {
            return null;
        }
        double downside = 0;
        foreach (double r in returns)
        {
            downside += r < 0 ? r * r : 0;
        }
        double deviation = Math.Sqrt(downside / returns.Length);
        return deviation > 0 ? Mean(returns) / deviation * Math.Sqrt(periodsPerYear) : null;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }
        return sum / values.Length;
    }

    private static (int WithReference, int WithEstimate, double? Realised, double? Estimated, double? Difference) Slippage(List<BacktestFill> fills)
    {
        double realised = 0;
        double realisedQuantity = 0;
        double estimated = 0;
        double difference = 0;
        double estimatedQuantity = 0;
        int withReference = 0;
        int withEstimate = 0;
        foreach (var fill in fills)
        {
            if (fill.RealisedSlippageBps is not { } real)
            {
                continue;
            }
            withReference++;
            realised += fill.Quantity * real;
            realisedQuantity += fill.Quantity;
            if (fill.EstimatedSlippageBps is { } estimate)
            {
                withEstimate++;
                estimated += fill.Quantity * estimate;
                difference += fill.Quantity * (real - estimate);
                estimatedQuantity += fill.Quantity;
            }
        }
        return (
            withReference,
            withEstimate,
            realisedQuantity > 0 ? realised / realisedQuantity : null,
            estimatedQuantity > 0 ? estimated / estimatedQuantity : null,
            estimatedQuantity > 0 ? difference / estimatedQuantity : null);
    }
}
