namespace Engine.Backtest;

/// <summary>A point of the equity curve: the net P&amp;L (realised plus unrealised less fees) at the end of a sampling interval, and the drawdown from its peak so far.</summary>
/// <param name="TsNs">The interval's end, venue time, nanoseconds.</param>
/// <param name="PnlCents">Net P&amp;L, cents.</param>
/// <param name="DrawdownCents">Peak net P&amp;L so far less this one, cents (0 or more).</param>
public readonly record struct EquityPoint(long TsNs, decimal PnlCents, decimal DrawdownCents);
