namespace Engine.Venues.Alpaca;

/// <summary>One difference between the venue and the engine, for the log and the operator.</summary>
/// <param name="Kind">What differs.</param>
/// <param name="Symbol">The symbol, when known.</param>
/// <param name="ClientOrderId">The order's client order id as text, for order differences; empty otherwise.</param>
/// <param name="EngineQuantity">The engine's quantity (ordered quantity for orders, signed position for positions).</param>
/// <param name="VenueQuantity">The venue's quantity, likewise.</param>
/// <param name="Detail">A few words more.</param>
public sealed record AlpacaDifference(AlpacaDifferenceKind Kind, string Symbol, string ClientOrderId, long EngineQuantity, long VenueQuantity, string Detail);
