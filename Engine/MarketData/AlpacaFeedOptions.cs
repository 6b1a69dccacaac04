using Engine.Venues.Alpaca;
using Feeds.Alpaca;

namespace Engine.MarketData;

/// <summary>
/// The live Alpaca market data v2 stream in the engine (config section <c>feeds.alpaca</c>): whether
/// it runs, plus the stream's own settings (url, the symbols of each channel, transport).
/// </summary>
/// <remarks>
/// Instruments: the symbols of <c>trades</c>, <c>quotes</c> and <c>statuses</c> (each once, in that
/// order) take the instrument ids after the synthetic market's and the Kraken pairs', and their
/// price decimals are the ones risk uses for those ids, as for Kraken. The engine knows its
/// instruments before it starts, so <c>*</c> is refused, and it has no use for bars, so
/// <c>bars</c> and <c>dailyBars</c> must stay empty. The credentials are Alpaca's
/// <c>APCA_API_KEY_ID</c> and <c>APCA_API_SECRET_KEY</c>, the ones the trading venue reads and
/// the logs redact; other variable names are refused.
/// </remarks>
public sealed record AlpacaFeedOptions : AlpacaStreamOptions
{
    /// <summary>Whether the engine runs the feed; off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The symbols that become instruments: those of <c>trades</c>, <c>quotes</c> and <c>statuses</c>, each once, in that order.</summary>
    public IReadOnlyList<string> Symbols() => [.. Trades.Concat(Quotes).Concat(Statuses).Distinct(StringComparer.Ordinal)];

    /// <summary>Adds the engine's own rules for the stream (beyond <see cref="AlpacaStreamOptions.Validate"/>) to <paramref name="errors"/>; call only when enabled.</summary>
    internal void ValidateForEngine(string path, List<string> errors)
    {
        if (Trades.Count + Quotes.Count == 0)
        {
            errors.Add($"{path}: the feed is enabled but lists no symbol under trades or quotes");
        }
        foreach (var (key, symbols) in new[] { ("trades", Trades), ("quotes", Quotes), ("statuses", Statuses) })
        {
            if (symbols.Contains("*"))
            {
                errors.Add($"{path}.{key}: '*' is not allowed in the engine, whose instruments are fixed at start-up; list the symbols");
            }
        }
        if (Bars.Count + DailyBars.Count > 0)
        {
            errors.Add($"{path}.bars, {path}.dailyBars: the engine has no use for bars; leave both empty");
        }
        if (KeyIdVariable != AlpacaTradingOptions.KeyIdVariable || SecretKeyVariable != AlpacaTradingOptions.SecretKeyVariable)
        {
            errors.Add($"{path}.keyIdVariable, {path}.secretKeyVariable: the engine reads Alpaca's credentials from {AlpacaTradingOptions.KeyIdVariable} and {AlpacaTradingOptions.SecretKeyVariable} only (the ones its logs redact)");
        }
    }
}
