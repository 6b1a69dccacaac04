namespace Engine.Positions;

/// <summary>Sums over every position of a <see cref="PositionTable"/>, in value units (sub-tick x quantity).</summary>
/// <param name="RealisedValue">Realised P&amp;L before fees.</param>
/// <param name="UnrealisedValue">Unrealised P&amp;L at each position's mark.</param>
/// <param name="FeesValue">Fees paid (negative for net rebates).</param>
/// <param name="GrossExposureValue">Sum of |quantity| x mark.</param>
/// <param name="OpenPositions">Positions that are not flat.</param>
public readonly record struct PositionTotals(Int128 RealisedValue, Int128 UnrealisedValue, Int128 FeesValue, Int128 GrossExposureValue, int OpenPositions)
{
    /// <summary>Realised plus unrealised minus fees.</summary>
    public Int128 NetValue => RealisedValue + UnrealisedValue - FeesValue;
}
