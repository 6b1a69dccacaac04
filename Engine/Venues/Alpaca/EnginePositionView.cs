namespace Engine.Venues.Alpaca;

/// <summary>A position as the engine holds it, for the reconciler to compare with the venue's.</summary>
/// <param name="InstrumentId">The instrument id.</param>
/// <param name="Quantity">Signed quantity: positive long, negative short.</param>
public readonly record struct EnginePositionView(int InstrumentId, long Quantity);
