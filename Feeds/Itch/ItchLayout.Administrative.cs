namespace Feeds.Itch;

/// <content>System, directory, trading-state and market-wide messages: S, R, H, Y, L, V, W, K, J, h.</content>
public static partial class ItchLayout
{
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
}
