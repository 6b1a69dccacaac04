namespace Engine.MarketData;

/// <summary>
/// Where the engine's market data comes from. Each keeps its own clock: the synthetic market's runs
/// from January 2026, a replayed file's is its recording's, the live feeds' is the wall clock.
/// </summary>
[Flags]
public enum MarketDataSources
{
    /// <summary>No market data.</summary>
    None = 0,

    /// <summary>The built-in synthetic market (<c>synthetic.enabled</c>).</summary>
    Synthetic = 1,

    /// <summary>A recorded file (<c>feeds.replay</c>).</summary>
    Replay = 2,

    /// <summary>The live feeds (<c>feeds.kraken</c>, <c>feeds.alpaca</c>).</summary>
    Live = 4,
}
