using System.Runtime.InteropServices;

namespace Feeds;

/// <summary>
/// One decoded market-data message, fixed-size (48 bytes) and free of references, so a ring can
/// hold it in place. Prices are integer ticks at the instrument's price scale; symbols are ids.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MarketDataEvent
{
    /// <summary>Venue timestamp, nanoseconds.</summary>
    public long TsEventNs;

    /// <summary>When our feed read it, nanoseconds of <see cref="System.Diagnostics.Stopwatch"/>.</summary>
    public long TsRecvNs;

    /// <summary>Venue order id (L3 kinds).</summary>
    public long OrderId;

    /// <summary>Price in ticks of the instrument's price scale.</summary>
    public long PriceTicks;

    /// <summary>Quantity in the instrument's quantity units.</summary>
    public long Quantity;

    /// <summary>Instrument id from the instrument table.</summary>
    public int InstrumentId;

    /// <summary>What happened.</summary>
    public MarketDataKind Kind;

    /// <summary>Side of the order, or aggressor side of a trade.</summary>
    public Side Side;
}
