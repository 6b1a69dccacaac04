namespace Engine.Backtest;

/// <summary>An instrument of a backtest: the engine's id (its book), the file's symbol, and its price decimals (price = ticks / 10^decimals).</summary>
public sealed record BacktestInstrument(int Id, string Symbol, int PriceDecimals);
