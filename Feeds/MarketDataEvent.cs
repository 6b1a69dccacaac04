using System.Runtime.InteropServices;

namespace Feeds;

/// <summary>
/// One decoded market-data message, fixed-size (80 bytes) and free of references, so a ring can
/// hold it in place. Prices are integer ticks at the instrument's price scale, quantities integer
/// units; symbols are instrument ids. <see cref="Kind"/> says which fields are meaningful.
/// </summary>
/// <remarks>
/// Field order matters: what a book and the router read for an order-by-order event (instrument,
/// kind, side, order id, price, quantity, venue time) is in the first 40 bytes. In the engine's inbound
/// ring those share one cache line with the slot's published flag, so the consumer's core fetches one
/// line to learn of the event and start on it (the rest, for replaces and quotes, is the next line).
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct MarketDataEvent
{
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

    /// <summary>Venue order id (order-by-order kinds), or match id of a trade.</summary>
    public long OrderId;

    /// <summary>Price in ticks of the instrument's price scale (the bid, for a quote).</summary>
    public long PriceTicks;

    /// <summary>Quantity (the bid size, for a quote).</summary>
    public long Quantity;

    /// <summary>Venue timestamp, nanoseconds (since midnight or since the epoch, as the venue gives it).</summary>
    public long TsEventNs;

    /// <summary>The replacing order's id (<see cref="MarketDataKind.Replace"/>).</summary>
    public long NewOrderId;

    /// <summary>Ask price of a quote, in ticks.</summary>
    public long AskPriceTicks;

    /// <summary>Ask size of a quote.</summary>
    public long AskQuantity;

    /// <summary>The feed's sequence number of the message, where it has one; 0 otherwise.</summary>
    public long Sequence;

    /// <summary>When our feed read it, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long TsRecvNs;
}
