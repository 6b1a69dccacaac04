namespace Engine.Positions;

/// <summary>One instrument's position, average entry, P&amp;L and stop state, as kept by <see cref="PositionTable"/>.</summary>
/// <remarks>
/// Money ("value") is in sub-tick x quantity units: one unit is one sub-tick (1/10,000 tick) of price
/// on one unit of quantity. Prices are in sub-ticks. Mutable so the table updates it in place in its
/// array; callers get it only as <c>ref readonly</c>.
/// </remarks>
public struct Position
{
    /// <summary>Signed quantity: positive long, negative short, 0 flat.</summary>
    public long Quantity { readonly get; internal set; }

    /// <summary>Signed cost of the open quantity (sum of signed quantity x fill price, less what closes removed), in value units; 0 when flat.</summary>
    public Int128 CostValue { readonly get; internal set; }

    /// <summary>Realised P&amp;L since construction, in value units, before fees.</summary>
    public Int128 RealisedValue { readonly get; internal set; }

    /// <summary>Fees since construction, in value units; negative for net rebates.</summary>
    public Int128 FeesValue { readonly get; internal set; }

    /// <summary>Unrealised P&amp;L at <see cref="MarkSubTicks"/>: quantity x mark - cost.</summary>
    public Int128 UnrealisedValue { readonly get; internal set; }

    /// <summary>The last mid passed to <see cref="PositionTable.Mark"/>, or before any, the last fill price; sub-ticks; 0 before either.</summary>
    public long MarkSubTicks { readonly get; internal set; }

    /// <summary>Best mark since the position opened (highest for a long, lowest for a short), starting at the opening fill price; sub-ticks; 0 when flat.</summary>
    public long BestSubTicks { readonly get; internal set; }

    /// <summary>The trailing-stop price in sub-ticks: it only moves toward the market; 0 when flat or the trailing stop is off.</summary>
    public long TrailingStopSubTicks { readonly get; internal set; }

    /// <summary>The stop-loss price in sub-ticks (at or beyond it the stop-loss fires), recomputed on each fill from the average entry; 0 when flat or off.</summary>
    public long StopLossSubTicks { readonly get; internal set; }

    /// <summary>True while the stops may fire: from opening until one fires (or until <see cref="PositionTable.Rearm"/>).</summary>
    public bool Armed { readonly get; internal set; }

    /// <summary><see cref="RealisedValue"/> in cents, rounded down.</summary>
    public Int128 RealisedCents { readonly get; internal set; }

    /// <summary><see cref="UnrealisedValue"/> in cents, rounded down.</summary>
    public Int128 UnrealisedCents { readonly get; internal set; }

    /// <summary><see cref="FeesValue"/> in cents, rounded up.</summary>
    public Int128 FeesCents { readonly get; internal set; }

    /// <summary>|quantity| x mark in cents, rounded up.</summary>
    public Int128 ExposureCents { readonly get; internal set; }

    /// <summary>Average entry price in sub-ticks (cost / |quantity|, truncated); 0 when flat.</summary>
    public readonly long AverageEntrySubTicks => Quantity == 0 ? 0 : (long)(Int128.Abs(CostValue) / Math.Abs(Quantity));
}
