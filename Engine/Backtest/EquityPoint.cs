namespace Engine.Backtest;

/// <summary>A point of the equity curve: the net P&amp;L (realised plus unrealised less fees) at the end of a sampling interval, and the deepest drawdown from the peak so far reached during the interval.</summary>
/// <param name="TsNs">The interval's end, venue time, nanoseconds.</param>
/// <param name="PnlCents">Net P&amp;L, cents.</param>
/// <param name="DrawdownCents">The most the net P&amp;L stood below its peak so far at any event of the interval, cents (0 or more; at least the drawdown at the interval's end).</param>
public readonly record struct EquityPoint(long TsNs, decimal PnlCents, decimal DrawdownCents);
