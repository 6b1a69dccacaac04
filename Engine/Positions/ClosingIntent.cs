using Feeds;

namespace Engine.Positions;

/// <summary>A request to close a whole position, emitted by a stop monitor; the risk engine checks it like any order.</summary>
/// <param name="InstrumentId">The instrument.</param>
/// <param name="Side">Sell to close a long, Buy to close a short.</param>
/// <param name="Quantity">The absolute position when the stop fired.</param>
/// <param name="Reason">Which monitor fired.</param>
public readonly record struct ClosingIntent(int InstrumentId, Side Side, long Quantity, ClosingReason Reason);
