namespace Feeds.Alpaca;

/// <summary>What one WebSocket message (a JSON array) decoded to.</summary>
/// <param name="Events">Events published to the sink.</param>
/// <param name="Rejected">Objects skipped: malformed, unknown type, unknown symbol.</param>
/// <param name="Malformed">Whether the frame was not valid JSON (everything after the fault was dropped).</param>
/// <param name="Control">The control message the frame carried, if any.</param>
/// <param name="ErrorCode">Its code, for <see cref="AlpacaControlKind.Error"/>.</param>
public readonly record struct AlpacaFrameResult(int Events, int Rejected, bool Malformed, AlpacaControlKind Control, int ErrorCode);
