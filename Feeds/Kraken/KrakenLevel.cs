namespace Feeds.Kraken;

/// <summary>One price level of a <see cref="KrakenBook"/>.</summary>
/// <param name="PriceTicks">Price in ticks of the pair's price scale (<see cref="KrakenBook.PriceDecimals"/>).</param>
/// <param name="Quantity">Volume in units of 10^-<see cref="KrakenBook.VolumeDecimals"/>.</param>
/// <param name="PriceDigits">The price as Kraken sent it, '.' removed, read as an integer: what the checksum hashes.</param>
/// <param name="VolumeDigits">The volume as Kraken sent it, '.' removed, read as an integer: what the checksum hashes.</param>
public readonly record struct KrakenLevel(long PriceTicks, long Quantity, long PriceDigits, long VolumeDigits);
