namespace Feeds.Kraken;

/// <summary>One <c>[price, volume, timestamp(, "r")]</c> entry of a book message, as parsed, before it is applied.</summary>
internal struct KrakenEntry
{
    /// <summary>Bid or ask.</summary>
    public Side Side;

    /// <summary>The price's digits with the '.' removed.</summary>
    public long PriceDigits;

    /// <summary>Decimals the price was sent with.</summary>
    public int PriceDecimals;

    /// <summary>The volume's digits with the '.' removed.</summary>
    public long VolumeDigits;

    /// <summary>Decimals the volume was sent with.</summary>
    public int VolumeDecimals;

    /// <summary>The entry's timestamp, nanoseconds since the Unix epoch.</summary>
    public long TsEventNs;

    /// <summary>The level as the book stores it; filled once the pair's price scale is known.</summary>
    public KrakenLevel Level;
}
