namespace Engine.Backtest;

/// <summary>The recorded data formats a backtest reads (<c>--format</c>).</summary>
public enum BacktestFormat
{
    /// <summary>A LOBSTER message file, with or without its orderbook file.</summary>
    Lobster,

    /// <summary>A NASDAQ TotalView-ITCH 5.0 BinaryFILE.</summary>
    Itch,

    /// <summary>A recorded Kraken WebSocket v1 book session.</summary>
    Kraken,
}
