namespace Feeds.Instruments;

/// <summary>A tradable instrument as the engine knows it.</summary>
/// <param name="Id">Dense id, 0..n-1: what the hot path uses instead of the symbol.</param>
/// <param name="Symbol">The venue's symbol.</param>
/// <param name="PriceDecimals">Decimal places of a price tick: price = ticks / 10^PriceDecimals (4 for ITCH and LOBSTER: 1 tick = $0.0001).</param>
/// <param name="TickSizeTicks">Smallest price increment, in ticks.</param>
/// <param name="LotSize">Smallest quantity increment, in quantity units.</param>
/// <param name="Venue">Where it trades (for example NASDAQ, KRAKEN, ALPACA).</param>
public sealed record Instrument(int Id, string Symbol, int PriceDecimals, long TickSizeTicks, long LotSize, string Venue);
