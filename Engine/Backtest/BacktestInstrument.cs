namespace Engine.Backtest;

/// <summary>An instrument of a backtest: the engine's id (its book), the file's symbol, its price decimals (price = ticks / 10^decimals) and quantity decimals (quantity = units / 10^decimals: 0 for shares, 8 for Kraken's volumes).</summary>
public sealed record BacktestInstrument(int Id, string Symbol, int PriceDecimals, int QuantityDecimals = 0);
