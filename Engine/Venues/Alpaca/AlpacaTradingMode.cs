namespace Engine.Venues.Alpaca;

/// <summary>Which Alpaca trading environment the venue talks to.</summary>
public enum AlpacaTradingMode
{
    /// <summary>The paper environment (simulated fills, real market data): <c>https://paper-api.alpaca.markets</c>; plain http allowed to a loopback host only.</summary>
    Paper,

    /// <summary>The live environment (real money): <c>https://api.alpaca.markets</c>; https only.</summary>
    Live,
}
