namespace Feeds.Alpaca;

/// <summary>
/// A minute (<c>T=b</c>) or daily (<c>T=d</c>) bar. Bars have no <see cref="MarketDataEvent"/> kind;
/// they go to an optional <see cref="IAlpacaBarSink"/> and are counted.
/// </summary>
/// <param name="InstrumentId">Instrument id.</param>
/// <param name="Daily">A daily bar (partial until the day ends) rather than a minute bar.</param>
/// <param name="OpenTicks">Open price, ticks.</param>
/// <param name="HighTicks">High price, ticks.</param>
/// <param name="LowTicks">Low price, ticks.</param>
/// <param name="CloseTicks">Close price, ticks.</param>
/// <param name="Volume">Volume, shares.</param>
/// <param name="TsEventNs">Start of the bar, nanoseconds since the Unix epoch.</param>
public readonly record struct AlpacaBar(int InstrumentId, bool Daily, long OpenTicks, long HighTicks, long LowTicks, long CloseTicks, long Volume, long TsEventNs);
