using Feeds;

namespace Engine.Backtest;

/// <summary>One fill of a backtest, with what the engine knew when it decided the order.</summary>
/// <param name="TsNs">Venue time of the fill, nanoseconds.</param>
/// <param name="InstrumentId">The instrument.</param>
/// <param name="ClientOrderId">Our id of the order.</param>
/// <param name="Side">The order's side.</param>
/// <param name="Quantity">Quantity filled.</param>
/// <param name="PriceTicks">Fill price, ticks.</param>
/// <param name="FeeCents">The fee the positions charged for it, cents (negative: a rebate).</param>
/// <param name="NotionalCents">Quantity x price, cents.</param>
/// <param name="ReferenceSubTicks">The risk decision's reference price (mid, else last trade), sub-ticks; 0 when the order had none (not sent by the checks).</param>
/// <param name="EstimatedSubTicks">The slippage estimator's average price for the order at the decision, sub-ticks; 0 when nothing was estimated (a resting limit).</param>
public readonly record struct BacktestFill(
    long TsNs,
    int InstrumentId,
    long ClientOrderId,
    Side Side,
    long Quantity,
    long PriceTicks,
    decimal FeeCents,
    decimal NotionalCents,
    long ReferenceSubTicks,
    long EstimatedSubTicks)
{
    /// <summary>The fill against the reference, basis points, positive when worse for the order; null without a reference.</summary>
    public double? RealisedSlippageBps => ReferenceSubTicks > 0 ? Bps(PriceTicks * Book.OrderBook.SubTicksPerTick) : null;

    /// <summary>The estimate against the same reference, basis points, positive when worse; null without an estimate.</summary>
    public double? EstimatedSlippageBps => ReferenceSubTicks > 0 && EstimatedSubTicks > 0 ? Bps(EstimatedSubTicks) : null;

    private double Bps(long priceSubTicks) =>
        (Side == Side.Buy ? priceSubTicks - ReferenceSubTicks : ReferenceSubTicks - priceSubTicks) * 10_000.0 / ReferenceSubTicks;
}
