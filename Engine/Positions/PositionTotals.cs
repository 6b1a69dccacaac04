namespace Engine.Positions;

/// <summary>Sums over every position of a <see cref="PositionTable"/>, in cents (each position's money converted, then summed).</summary>
/// <param name="RealisedCents">Realised P&amp;L before fees.</param>
/// <param name="UnrealisedCents">Unrealised P&amp;L at each position's mark.</param>
/// <param name="FeesCents">Fees paid (negative for net rebates).</param>
/// <param name="GrossExposureCents">Sum of |quantity| x mark.</param>
/// <param name="OpenPositions">Positions that are not flat.</param>
public readonly record struct PositionTotals(Int128 RealisedCents, Int128 UnrealisedCents, Int128 FeesCents, Int128 GrossExposureCents, int OpenPositions)
{
    /// <summary>Realised plus unrealised minus fees.</summary>
    public Int128 NetCents => RealisedCents + UnrealisedCents - FeesCents;
}
