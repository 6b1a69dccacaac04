using System.Runtime.InteropServices;

namespace Feeds;

/// <summary>
/// One decoded market-data message, fixed-size (80 bytes) and free of references, so a ring can
/// hold it in place. Prices are integer ticks at the instrument's price scale, quantities integer
/// units; symbols are instrument ids. <see cref="Kind"/> says which fields are meaningful.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MarketDataEvent
{
    /// <summary>Venue timestamp, nanoseconds (since midnight or since the epoch, as the venue gives it).</summary>
    public long TsEventNs;

    /// <summary>When our feed read it, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long TsRecvNs;

    /// <summary>Venue order id (order-by-order kinds), or match id of a trade.</summary>
    public long OrderId;

    /// <summary>The replacing order's id (<see cref="MarketDataKind.Replace"/>).</summary>
    public long NewOrderId;

    /// <summary>Price in ticks of the instrument's price scale (the bid, for a quote).</summary>
    public long PriceTicks;

    /// <summary>Quantity (the bid size, for a quote).</summary>
    public long Quantity;

    /// <summary>Ask price of a quote, in ticks.</summary>
    public long AskPriceTicks;

    /// <summary>Ask size of a quote.</summary>
    public long AskQuantity;

    /// <summary>The feed's sequence number of the message, where it has one; 0 otherwise.</summary>
    public long Sequence;

    /// <summary>Instrument id from the instrument table.</summary>
    public int InstrumentId;

    /// <summary>What happened.</summary>
    public MarketDataKind Kind;

    /// <summary>Side of the order or level, or aggressor side of a trade.</summary>
    public Side Side;

    /// <summary>A <see cref="TradingStatus"/> or <see cref="FeedStatus"/>, per <see cref="Kind"/>.</summary>
    public byte Status;

    /// <summary>Set on the last event decoded from one venue message or packet: the book is consistent after it.</summary>
    public bool EndOfMessage;
}
