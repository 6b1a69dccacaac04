namespace Engine.Venues.Alpaca;

/// <summary>Alpaca's error body as sent: <c>{"code": 40310000, "message": "insufficient buying power"}</c>.</summary>
/// <param name="Code">Alpaca's error code (stable).</param>
/// <param name="Message">Alpaca's text (not stable; for people).</param>
internal sealed record AlpacaErrorBody(int? Code, string? Message);
