namespace Engine.Positions;

/// <summary>The stop rules of one position in hot-path form: basis points and sub-ticks, 0 = off.</summary>
/// <param name="StopLossBps">Loss in basis points of the entry cost that closes the position; 0 = no stop-loss.</param>
/// <param name="TrailingMode">How the trailing stop keeps its distance.</param>
/// <param name="TrailingOffsetBps">Trailing distance in basis points of the best price (Percent mode).</param>
/// <param name="TrailingOffsetSubTicks">Trailing distance in sub-ticks (Absolute mode).</param>
public readonly record struct StopRules(int StopLossBps, TrailingStopMode TrailingMode, int TrailingOffsetBps, long TrailingOffsetSubTicks)
{
    /// <summary>Converts validated options to hot-path form.</summary>
    public static StopRules From(StopLossOptions stopLoss, TrailingStopOptions trailingStop)
    {
        ArgumentNullException.ThrowIfNull(stopLoss);
        ArgumentNullException.ThrowIfNull(trailingStop);
        return new StopRules(stopLoss.LossBps, trailingStop.Mode, trailingStop.OffsetBps, trailingStop.OffsetTicks * PositionTable.SubTicksPerTick);
    }
}
