namespace Feeds;

/// <summary>Trading state of an instrument, carried by <see cref="MarketDataKind.TradingStatus"/>.</summary>
public enum TradingStatus : byte
{
    /// <summary>Not known.</summary>
    Unknown,

    /// <summary>Halted: no quoting, no trading.</summary>
    Halted,

    /// <summary>Quoting allowed, trading not yet (for example a halt's quotation period).</summary>
    QuotingOnly,

    /// <summary>Trading normally.</summary>
    Trading,

    /// <summary>Paused (for example a limit-up-limit-down pause).</summary>
    Paused,
}
