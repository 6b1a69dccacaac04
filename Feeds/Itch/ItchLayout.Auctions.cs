namespace Feeds.Itch;

/// <content>Auction and price-discovery messages: I, N, O.</content>
public static partial class ItchLayout
{
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
