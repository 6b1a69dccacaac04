namespace Engine.Backtest;

/// <summary>A round trip: a position from flat until it is flat again (or turns to the other side).</summary>
/// <param name="InstrumentId">The instrument.</param>
/// <param name="IsLong">A long position (bought first) or a short one.</param>
/// <param name="OpenNs">Venue time of the fill that opened it.</param>
/// <param name="CloseNs">Venue time of the fill that closed it; 0 while open.</param>
/// <param name="MaxQuantity">The largest absolute position it reached.</param>
/// <param name="Fills">Fills in it.</param>
/// <param name="PnlCents">Realised P&amp;L less fees over it, cents (the fill that turns a position over counts wholly in the trade it closes); for one still open at the end, marked to the last mid.</param>
public readonly record struct BacktestTrade(int InstrumentId, bool IsLong, long OpenNs, long CloseNs, long MaxQuantity, int Fills, decimal PnlCents)
{
    /// <summary>Whether it has closed.</summary>
    public bool IsClosed => CloseNs != 0;
}
