using Feeds;

namespace Engine.Venues.Alpaca;

/// <summary>An order the engine thinks open, as the reconciler compares it with the venue.</summary>
/// <param name="ClientOrderId">Our id.</param>
/// <param name="InstrumentId">The instrument id.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Quantity ordered.</param>
/// <param name="FilledQuantity">Quantity the engine has seen filled.</param>
/// <param name="FilledValueTicks">Sum of fill quantity x price in ticks the engine has seen (<see cref="Engine.Orders.Order.FilledValueTicks"/>); 0 when not known.</param>
public readonly record struct EngineOrderView(long ClientOrderId, int InstrumentId, Side Side, long Quantity, long FilledQuantity, Int128 FilledValueTicks = default);
