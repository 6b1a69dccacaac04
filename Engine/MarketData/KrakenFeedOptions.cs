using Feeds.Kraken;

namespace Engine.MarketData;

/// <summary>
/// The live Kraken book feed in the engine (config section <c>feeds.kraken</c>): whether it runs,
/// plus the stream's own settings (url, pairs, depth, transport).
/// </summary>
/// <remarks>
/// Instruments: the pairs take the instrument ids after the synthetic market's, in list order
/// (pair i gets <c>synthetic.instruments + i</c>), and their price decimals are the ones risk uses
/// for those ids (the id's <c>risk.instruments</c> entry, else <c>risk.defaults.priceDecimals</c>):
/// one setting, so the feed, the books, risk and positions cannot disagree. It must be at least the
/// number of decimals Kraken quotes the pair with, or its book messages fail as decode errors.
/// </remarks>
public sealed record KrakenFeedOptions : KrakenStreamOptions
{
    /// <summary>Whether the engine runs the feed; off by default.</summary>
    public bool Enabled { get; set; }
}
