namespace Engine.Slippage;

/// <summary>What one order would cost against the current book, as <see cref="SlippageEstimator"/> estimates it.</summary>
/// <remarks>
/// Prices are in sub-ticks (<see cref="Book.OrderBook.SubTicksPerTick"/> per tick, the book's scale
/// for mid and microprice); slippage is in hundredths of a basis point (1,000,000 = 100%), positive
/// when the fill is worse for the order than the reference. Every figure is rounded against the
/// order, so the estimate never understates the cost.
/// </remarks>
public readonly record struct SlippageResult
{
    /// <summary>Hundredths of a basis point in one (100%).</summary>
    public const long CentiBpsPerUnit = 1_000_000;

    /// <summary>The order's quantity (0 for an order the estimator refuses to price: see <see cref="SlippageEstimator"/>).</summary>
    public long RequestedQuantity { get; init; }

    /// <summary>Quantity filled from displayed levels (at or better than the limit, for a limit order).</summary>
    public long FilledQuantity { get; init; }

    /// <summary>Requested minus filled: what the displayed book cannot fill.</summary>
    public long UnfilledQuantity => RequestedQuantity - FilledQuantity;

    /// <summary>
    /// The part of <see cref="UnfilledQuantity"/> priced by the square-root impact model: all of it for a
    /// market order that ran out of displayed depth, nothing for a limit order (whose remainder would rest).
    /// </summary>
    public long ModelledQuantity { get; init; }

    /// <summary>Displayed levels the order takes from, the last one possibly in part.</summary>
    public int LevelsConsumed { get; init; }

    /// <summary>The walk ran out of displayed levels (within the limit) with quantity left.</summary>
    public bool InsufficientLiquidity { get; init; }

    /// <summary>Best price of the side the order takes from, in ticks; 0 when that side is empty.</summary>
    public long TouchPriceTicks { get; init; }

    /// <summary>Average price of the filled and modelled quantity, in sub-ticks (up for a buy, down for a sell); 0 when <see cref="IsPriced"/> is false.</summary>
    public long AveragePriceSubTicks { get; init; }

    /// <summary>Average price against the touch, in hundredths of a bp, rounded up; 0 when <see cref="IsPriced"/> is false.</summary>
    public long SlippageVsTouchCentiBps { get; init; }

    /// <summary>True when the book had both sides and a positive mid, so <see cref="SlippageVsMidCentiBps"/> holds a value.</summary>
    public bool HasMid { get; init; }

    /// <summary>Average price against the mid, in hundredths of a bp, rounded up; 0 unless <see cref="IsPriced"/> and <see cref="HasMid"/>.</summary>
    public long SlippageVsMidCentiBps { get; init; }

    /// <summary>Quantity the average price covers: filled plus modelled.</summary>
    public long PricedQuantity => FilledQuantity + ModelledQuantity;

    /// <summary>True when some quantity was priced.</summary>
    public bool IsPriced => PricedQuantity > 0;
}
