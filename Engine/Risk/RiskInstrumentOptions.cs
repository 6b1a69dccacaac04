namespace Engine.Risk;

/// <summary>The risk limits and trading rules of one instrument (<see cref="RiskOptions.Defaults"/> or one entry of <see cref="RiskOptions.Instruments"/>).</summary>
/// <remarks>An entry is complete on its own: a key it leaves out takes the built-in default below, not <see cref="RiskOptions.Defaults"/>.</remarks>
public sealed record RiskInstrumentOptions
{
    /// <summary>
    /// Largest <see cref="MaxOrderQuantity"/> and <see cref="MaxPositionQuantity"/> (and the strategies'
    /// sizes): the slippage estimator's bound, 10,000 coins at 8 quantity decimals.
    /// </summary>
    public const long MaxQuantityBound = Slippage.SlippageEstimator.MaxQuantity;

    /// <summary>Largest <see cref="MaxOrderNotionalCents"/>.</summary>
    public const long MaxNotionalBoundCents = 1_000_000_000_000_000;

    /// <summary>The instrument id of an entry in <see cref="RiskOptions.Instruments"/>; ignored in <see cref="RiskOptions.Defaults"/>.</summary>
    public int InstrumentId { get; set; }

    /// <summary>Whether orders may be sent at all (cancels always may).</summary>
    public bool Tradable { get; set; } = true;

    /// <summary>Decimal places of a price tick: price = ticks / 10^PriceDecimals (4 for ITCH: 1 tick = $0.0001).</summary>
    public int PriceDecimals { get; set; } = 4;

    /// <summary>
    /// Decimal places of a quantity unit: quantity = units / 10^QuantityDecimals of the instrument (0:
    /// whole shares; 8 for Kraken's volumes, 1 unit = 10^-8 coin). Every quantity of the instrument
    /// (orders, limits, positions, the strategies' sizes) is in these units; notional, P&amp;L and fees
    /// divide by the scale.
    /// </summary>
    public int QuantityDecimals { get; set; }

    /// <summary>Smallest price step, in ticks; every price must be a multiple of it.</summary>
    public long MinPriceIncrementTicks { get; set; } = 1;

    /// <summary>Whether the sub-penny rule applies: 2 decimals at or above $1, 4 below.</summary>
    public bool SubPennyRule { get; set; } = true;

    /// <summary>The lot: every quantity must be a multiple of it.</summary>
    public long LotSize { get; set; } = 1;

    /// <summary>The price collar: a limit or stop price at most this far from the reference price (mid, else last trade).</summary>
    public int PriceCollarBps { get; set; } = 500;

    /// <summary>Largest quantity of one order.</summary>
    public long MaxOrderQuantity { get; set; } = 10_000;

    /// <summary>Largest notional of one order, in cents.</summary>
    public long MaxOrderNotionalCents { get; set; } = 10_000_000;

    /// <summary>Largest absolute position, projected as if this order and every open order on its side filled.</summary>
    public long MaxPositionQuantity { get; set; } = 50_000;

    /// <summary>Adds every problem with these limits to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (PriceDecimals is < 0 or > 8)
        {
            errors.Add($"{path}.priceDecimals: {PriceDecimals} is outside 0..8");
        }
        if (QuantityDecimals is < 0 or > 8)
        {
            errors.Add($"{path}.quantityDecimals: {QuantityDecimals} is outside 0..8");
        }
        if (MinPriceIncrementTicks is < 1 or > 1_000_000)
        {
            errors.Add($"{path}.minPriceIncrementTicks: {MinPriceIncrementTicks} is outside 1..1000000");
        }
        if (LotSize is < 1 or > 1_000_000)
        {
            errors.Add($"{path}.lotSize: {LotSize} is outside 1..1000000");
        }
        if (PriceCollarBps is < 1 or > 10_000)
        {
            errors.Add($"{path}.priceCollarBps: {PriceCollarBps} is outside 1..10000");
        }
        if (MaxOrderQuantity is < 1 or > MaxQuantityBound)
        {
            errors.Add($"{path}.maxOrderQuantity: {MaxOrderQuantity} is outside 1..{MaxQuantityBound}");
        }
        if (MaxOrderNotionalCents is < 1 or > MaxNotionalBoundCents)
        {
            errors.Add($"{path}.maxOrderNotionalCents: {MaxOrderNotionalCents} is outside 1..{MaxNotionalBoundCents}");
        }
        if (MaxPositionQuantity is < 1 or > MaxQuantityBound)
        {
            errors.Add($"{path}.maxPositionQuantity: {MaxPositionQuantity} is outside 1..{MaxQuantityBound}");
        }
        else if (MaxPositionQuantity < MaxOrderQuantity)
        {
            errors.Add($"{path}.maxPositionQuantity: {MaxPositionQuantity} is below maxOrderQuantity {MaxOrderQuantity}; no order of the maximum size could pass");
        }
    }
}
