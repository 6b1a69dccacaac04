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
/// The diagrams of each message give the body offsets, counted from the start of the message.
/// A message's length is fixed by its type (<see cref="MessageLength"/>).
/// </remarks>
public static class ItchLayout
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

    /// <summary>System Event ('S', 12 bytes).</summary>
    /// <remarks><code>
    ///  11
    ///  | event code |   O start of messages, S start of system hours, Q start of market hours,
    ///                   M end of market hours, E end of system hours, C end of messages
    /// </code></remarks>
    public static class SystemEvent
    {
        /// <summary>Event code (alpha 1).</summary>
        public const int EventCode = 11;
    }

    /// <summary>Stock Directory ('R', 39 bytes).</summary>
    /// <remarks><code>
    ///  11         19         20          21             25            26       27          29
    ///  | stock(8) | category | fin. stat | round lot(4) | round lots  | class. | subtype(2)| authenticity |
    ///  30                31   32           33   34              38
    ///  | short sale thr. | IPO | LULD tier | ETP | ETP leverage(4) | inverse |
    /// </code></remarks>
    public static class StockDirectory
    {
        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 11;

        /// <summary>Market category (alpha 1).</summary>
        public const int MarketCategory = 19;

        /// <summary>Financial status indicator (alpha 1).</summary>
        public const int FinancialStatus = 20;

        /// <summary>Round lot size in shares (u32).</summary>
        public const int RoundLotSize = 21;

        /// <summary>Round lots only (alpha 1).</summary>
        public const int RoundLotsOnly = 25;

        /// <summary>Issue classification (alpha 1).</summary>
        public const int IssueClassification = 26;

        /// <summary>Issue sub-type (alpha 2).</summary>
        public const int IssueSubType = 27;

        /// <summary>Authenticity, P live or T test (alpha 1).</summary>
        public const int Authenticity = 29;

        /// <summary>Short sale threshold indicator (alpha 1).</summary>
        public const int ShortSaleThreshold = 30;

        /// <summary>IPO flag (alpha 1).</summary>
        public const int IpoFlag = 31;

        /// <summary>LULD reference price tier (alpha 1).</summary>
        public const int LuldReferencePriceTier = 32;

        /// <summary>ETP flag (alpha 1).</summary>
        public const int EtpFlag = 33;

        /// <summary>ETP leverage factor (u32).</summary>
        public const int EtpLeverageFactor = 34;

        /// <summary>Inverse indicator (alpha 1).</summary>
        public const int InverseIndicator = 38;
    }

    /// <summary>Stock Trading Action ('H', 25 bytes).</summary>
    /// <remarks><code>
    ///  11         19              20         21
    ///  | stock(8) | trading state | reserved | reason(4) |    state: H halted, P paused, Q quotation only, T trading
    /// </code></remarks>
    public static class StockTradingAction
    {
        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 11;

        /// <summary>Trading state (alpha 1).</summary>
        public const int TradingState = 19;

        /// <summary>Reserved (alpha 1).</summary>
        public const int Reserved = 20;

        /// <summary>Reason (alpha 4).</summary>
        public const int Reason = 21;
    }

    /// <summary>Reg SHO Short Sale Price Test Restriction ('Y', 20 bytes).</summary>
    /// <remarks><code>
    ///  11         19
    ///  | stock(8) | action |
    /// </code></remarks>
    public static class RegShoRestriction
    {
        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 11;

        /// <summary>Reg SHO action (alpha 1).</summary>
        public const int Action = 19;
    }

    /// <summary>Market Participant Position ('L', 26 bytes).</summary>
    /// <remarks><code>
    ///  11        15         23           24        25
    ///  | MPID(4) | stock(8) | primary MM | MM mode | participant state |
    /// </code></remarks>
    public static class MarketParticipantPosition
    {
        /// <summary>Market participant id (alpha 4).</summary>
        public const int Mpid = 11;

        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 15;

        /// <summary>Primary market maker (alpha 1).</summary>
        public const int PrimaryMarketMaker = 23;

        /// <summary>Market maker mode (alpha 1).</summary>
        public const int MarketMakerMode = 24;

        /// <summary>Market participant state (alpha 1).</summary>
        public const int ParticipantState = 25;
    }

    /// <summary>MWCB Decline Level ('V', 35 bytes); levels are u64 prices with 8 implied decimals.</summary>
    /// <remarks><code>
    ///  11          19          27
    ///  | level 1(8) | level 2(8) | level 3(8) |
    /// </code></remarks>
    public static class MwcbDeclineLevel
    {
        /// <summary>Level 1 (u64, 8 decimals).</summary>
        public const int Level1 = 11;

        /// <summary>Level 2 (u64, 8 decimals).</summary>
        public const int Level2 = 19;

        /// <summary>Level 3 (u64, 8 decimals).</summary>
        public const int Level3 = 27;
    }

    /// <summary>MWCB Status ('W', 12 bytes).</summary>
    /// <remarks><code>
    ///  11
    ///  | breached level |
    /// </code></remarks>
    public static class MwcbStatus
    {
        /// <summary>Breached level, '1', '2' or '3' (alpha 1).</summary>
        public const int BreachedLevel = 11;
    }

    /// <summary>IPO Quoting Period Update ('K', 28 bytes).</summary>
    /// <remarks><code>
    ///  11         19                 23          24
    ///  | stock(8) | release time(4) | qualifier | IPO price(4) |
    /// </code></remarks>
    public static class IpoQuotingPeriodUpdate
    {
        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 11;

        /// <summary>IPO quotation release time, seconds since midnight (u32).</summary>
        public const int ReleaseTime = 19;

        /// <summary>Release qualifier (alpha 1).</summary>
        public const int ReleaseQualifier = 23;

        /// <summary>IPO price (price 4).</summary>
        public const int IpoPrice = 24;
    }

    /// <summary>LULD Auction Collar ('J', 35 bytes).</summary>
    /// <remarks><code>
    ///  11         19                 23               27               31
    ///  | stock(8) | reference price | upper collar(4) | lower collar(4) | extension(4) |
    /// </code></remarks>
    public static class LuldAuctionCollar
    {
        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 11;

        /// <summary>Auction collar reference price (price 4).</summary>
        public const int ReferencePrice = 19;

        /// <summary>Upper auction collar price (price 4).</summary>
        public const int UpperCollarPrice = 23;

        /// <summary>Lower auction collar price (price 4).</summary>
        public const int LowerCollarPrice = 27;

        /// <summary>Auction collar extension (u32).</summary>
        public const int Extension = 31;
    }

    /// <summary>Operational Halt ('h', 21 bytes).</summary>
    /// <remarks><code>
    ///  11         19            20
    ///  | stock(8) | market code | halt action |    action: H halted, T resumed
    /// </code></remarks>
    public static class OperationalHalt
    {
        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 11;

        /// <summary>Market code, Q, B or X (alpha 1).</summary>
        public const int MarketCode = 19;

        /// <summary>Operational halt action (alpha 1).</summary>
        public const int HaltAction = 20;
    }

    /// <summary>Add Order ('A', 36 bytes) and Add Order with MPID ('F', 40 bytes).</summary>
    /// <remarks><code>
    ///  11                   19     20          24         32          36 (F only)
    ///  | order reference(8) | side | shares(4) | stock(8) | price(4)  | attribution(4) |
    /// </code></remarks>
    public static class AddOrder
    {
        /// <summary>Order reference number (u64).</summary>
        public const int OrderReference = 11;

        /// <summary>Buy/sell indicator, B or S (alpha 1).</summary>
        public const int Side = 19;

        /// <summary>Shares (u32).</summary>
        public const int Shares = 20;

        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 24;

        /// <summary>Price (price 4).</summary>
        public const int Price = 32;

        /// <summary>MPID attribution, 'F' messages only (alpha 4).</summary>
        public const int Attribution = 36;
    }

    /// <summary>Order Executed ('E', 31 bytes) and Order Executed With Price ('C', 36 bytes).</summary>
    /// <remarks><code>
    ///  11                   19                  23                31 (C only)  32
    ///  | order reference(8) | executed shares(4) | match number(8) | printable | execution price(4) |
    /// </code></remarks>
    public static class OrderExecuted
    {
        /// <summary>Order reference number (u64).</summary>
        public const int OrderReference = 11;

        /// <summary>Executed shares (u32).</summary>
        public const int ExecutedShares = 19;

        /// <summary>Match number (u64).</summary>
        public const int MatchNumber = 23;

        /// <summary>Printable, Y or N; 'C' messages only (alpha 1).</summary>
        public const int Printable = 31;

        /// <summary>Execution price; 'C' messages only (price 4).</summary>
        public const int ExecutionPrice = 32;
    }

    /// <summary>Order Cancel ('X', 23 bytes) and Order Delete ('D', 19 bytes).</summary>
    /// <remarks><code>
    ///  11                   19 (X only)
    ///  | order reference(8) | cancelled shares(4) |
    /// </code></remarks>
    public static class OrderCancel
    {
        /// <summary>Order reference number (u64).</summary>
        public const int OrderReference = 11;

        /// <summary>Cancelled shares; 'X' messages only (u32).</summary>
        public const int CancelledShares = 19;
    }

    /// <summary>Order Replace ('U', 35 bytes).</summary>
    /// <remarks><code>
    ///  11                      19                 27          31
    ///  | original reference(8) | new reference(8) | shares(4) | price(4) |
    /// </code></remarks>
    public static class OrderReplace
    {
        /// <summary>Original order reference number (u64).</summary>
        public const int OriginalOrderReference = 11;

        /// <summary>New order reference number (u64).</summary>
        public const int NewOrderReference = 19;

        /// <summary>Shares of the new order (u32).</summary>
        public const int Shares = 27;

        /// <summary>Price of the new order (price 4).</summary>
        public const int Price = 31;
    }

    /// <summary>Trade, non-cross ('P', 44 bytes).</summary>
    /// <remarks><code>
    ///  11                   19     20          24         32         36
    ///  | order reference(8) | side | shares(4) | stock(8) | price(4) | match number(8) |
    /// </code>
    /// The side is that of the non-displayed resting order that was matched.</remarks>
    public static class Trade
    {
        /// <summary>Order reference number (u64; 0 since 2014).</summary>
        public const int OrderReference = 11;

        /// <summary>Side of the resting order, B or S (alpha 1).</summary>
        public const int Side = 19;

        /// <summary>Shares (u32).</summary>
        public const int Shares = 20;

        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 24;

        /// <summary>Price (price 4).</summary>
        public const int Price = 32;

        /// <summary>Match number (u64).</summary>
        public const int MatchNumber = 36;
    }

    /// <summary>Cross Trade ('Q', 40 bytes).</summary>
    /// <remarks><code>
    ///  11          19         27               31                39
    ///  | shares(8) | stock(8) | cross price(4) | match number(8) | cross type |
    /// </code></remarks>
    public static class CrossTrade
    {
        /// <summary>Shares (u64).</summary>
        public const int Shares = 11;

        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 19;

        /// <summary>Cross price (price 4).</summary>
        public const int CrossPrice = 27;

        /// <summary>Match number (u64).</summary>
        public const int MatchNumber = 31;

        /// <summary>Cross type, O opening, C closing, H halt or IPO, I intraday (alpha 1).</summary>
        public const int CrossType = 39;
    }

    /// <summary>Broken Trade ('B', 19 bytes).</summary>
    /// <remarks><code>
    ///  11
    ///  | match number(8) |
    /// </code></remarks>
    public static class BrokenTrade
    {
        /// <summary>Match number of the broken execution (u64).</summary>
        public const int MatchNumber = 11;
    }

    /// <summary>Net Order Imbalance Indicator ('I', 50 bytes).</summary>
    /// <remarks><code>
    ///  11                 19                    27          28         36            40             44
    ///  | paired shares(8) | imbalance shares(8) | direction | stock(8) | far price(4) | near price(4) | ref. price(4) |
    ///  48           49
    ///  | cross type | price variation |
    /// </code></remarks>
    public static class NetOrderImbalance
    {
        /// <summary>Paired shares (u64).</summary>
        public const int PairedShares = 11;

        /// <summary>Imbalance shares (u64).</summary>
        public const int ImbalanceShares = 19;

        /// <summary>Imbalance direction, B, S, N or O (alpha 1).</summary>
        public const int ImbalanceDirection = 27;

        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 28;

        /// <summary>Far price (price 4).</summary>
        public const int FarPrice = 36;

        /// <summary>Near price (price 4).</summary>
        public const int NearPrice = 40;

        /// <summary>Current reference price (price 4).</summary>
        public const int CurrentReferencePrice = 44;

        /// <summary>Cross type (alpha 1).</summary>
        public const int CrossType = 48;

        /// <summary>Price variation indicator (alpha 1).</summary>
        public const int PriceVariationIndicator = 49;
    }

    /// <summary>Retail Price Improvement Indicator ('N', 20 bytes).</summary>
    /// <remarks><code>
    ///  11         19
    ///  | stock(8) | interest flag |
    /// </code></remarks>
    public static class RetailPriceImprovement
    {
        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 11;

        /// <summary>Interest flag, B, S, A or N (alpha 1).</summary>
        public const int InterestFlag = 19;
    }

    /// <summary>Direct Listing with Capital Raise price discovery ('O', 48 bytes).</summary>
    /// <remarks><code>
    ///  11         19            20            24            28                32                40            44
    ///  | stock(8) | open elig.  | min price(4) | max price(4) | near exec price | near exec time(8) | lower coll. | upper coll. |
    /// </code></remarks>
    public static class DirectListingCapitalRaise
    {
        /// <summary>Stock symbol (alpha 8).</summary>
        public const int Stock = 11;

        /// <summary>Open eligibility status, N or Y (alpha 1).</summary>
        public const int OpenEligibilityStatus = 19;

        /// <summary>Minimum allowable price (price 4).</summary>
        public const int MinimumAllowablePrice = 20;

        /// <summary>Maximum allowable price (price 4).</summary>
        public const int MaximumAllowablePrice = 24;

        /// <summary>Near execution price (price 4).</summary>
        public const int NearExecutionPrice = 28;

        /// <summary>Near execution time, nanoseconds since midnight (u64).</summary>
        public const int NearExecutionTime = 32;

        /// <summary>Lower price range collar (price 4).</summary>
        public const int LowerPriceRangeCollar = 40;

        /// <summary>Upper price range collar (price 4).</summary>
        public const int UpperPriceRangeCollar = 44;
    }
}
