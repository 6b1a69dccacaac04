namespace Feeds.Itch;

/// <summary>
/// Byte offsets of NASDAQ TotalView-ITCH 5.0 messages. Every integer is big-endian and unsigned;
/// prices (<c>Price(4)</c>) carry 4 implied decimals, so the raw value is already in ticks of
/// $0.0001; stock symbols are 8 ASCII bytes padded with spaces on the right.
/// </summary>
/// <remarks>
/// Every message starts with the same 11-byte header:
/// <code>
///  0      1              3               5                         11
///  +------+--------------+---------------+-------------------------+----------- ...
///  | type | stock locate | tracking num. | timestamp (ns, 48 bits) | body
///  +------+--------------+---------------+-------------------------+----------- ...
/// </code>
/// The nested classes (in ItchLayout.*.cs) draw each message and give its body offsets, counted
/// from the start of the message.
/// A message's length is fixed by its type (<see cref="MessageLength"/>).
/// </remarks>
public static partial class ItchLayout
{
    /// <summary>Offset of the type byte.</summary>
    public const int Type = 0;

    /// <summary>Offset of the stock locate code (u16): the day's index of the stock, 0 for market-wide messages.</summary>
    public const int StockLocate = 1;

    /// <summary>Offset of the tracking number (u16).</summary>
    public const int TrackingNumber = 3;

    /// <summary>Offset of the timestamp (u48): nanoseconds since midnight.</summary>
    public const int Timestamp = 5;

    /// <summary>Length of the common header; the body starts here.</summary>
    public const int HeaderLength = 11;

    /// <summary>Length of a stock symbol field.</summary>
    public const int StockLength = 8;

    /// <summary>Longest message of the protocol (Net Order Imbalance Indicator).</summary>
    public const int MaxMessageLength = 50;

    private static readonly byte[] s_lengths = BuildLengths();

    /// <summary>The length of a message of type <paramref name="type"/>, or 0 for a byte that is no ITCH 5.0 type.</summary>
    /// <remarks>A table lookup; any thread.</remarks>
    public static int MessageLength(byte type) => s_lengths[type];

    private static byte[] BuildLengths()
    {
        var lengths = new byte[256];
        lengths[(byte)ItchMessageType.SystemEvent] = 12;
        lengths[(byte)ItchMessageType.StockDirectory] = 39;
        lengths[(byte)ItchMessageType.StockTradingAction] = 25;
        lengths[(byte)ItchMessageType.RegShoRestriction] = 20;
        lengths[(byte)ItchMessageType.MarketParticipantPosition] = 26;
        lengths[(byte)ItchMessageType.MwcbDeclineLevel] = 35;
        lengths[(byte)ItchMessageType.MwcbStatus] = 12;
        lengths[(byte)ItchMessageType.IpoQuotingPeriodUpdate] = 28;
        lengths[(byte)ItchMessageType.LuldAuctionCollar] = 35;
        lengths[(byte)ItchMessageType.OperationalHalt] = 21;
        lengths[(byte)ItchMessageType.AddOrder] = 36;
        lengths[(byte)ItchMessageType.AddOrderWithMpid] = 40;
        lengths[(byte)ItchMessageType.OrderExecuted] = 31;
        lengths[(byte)ItchMessageType.OrderExecutedWithPrice] = 36;
        lengths[(byte)ItchMessageType.OrderCancel] = 23;
        lengths[(byte)ItchMessageType.OrderDelete] = 19;
        lengths[(byte)ItchMessageType.OrderReplace] = 35;
        lengths[(byte)ItchMessageType.Trade] = 44;
        lengths[(byte)ItchMessageType.CrossTrade] = 40;
        lengths[(byte)ItchMessageType.BrokenTrade] = 19;
        lengths[(byte)ItchMessageType.NetOrderImbalance] = 50;
        lengths[(byte)ItchMessageType.RetailPriceImprovement] = 20;
        lengths[(byte)ItchMessageType.DirectListingCapitalRaise] = 48;
        return lengths;
    }
}
