namespace Feeds.Itch;

/// <content>Order-book and trade messages: A, F, E, C, X, D, U, P, Q, B.</content>
public static partial class ItchLayout
{
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
}
