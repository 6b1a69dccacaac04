using Feeds;

namespace Engine.Risk;

/// <summary>One execution of an order, as the risk engine and the position table take it.</summary>
/// <param name="InstrumentId">The instrument id.</param>
/// <param name="Side">The order's side: buy adds to the position, sell subtracts.</param>
/// <param name="Quantity">Quantity executed.</param>
/// <param name="PriceTicks">Execution price in ticks.</param>
/// <param name="FeeValue">Fee in value units (sub-ticks x quantity); negative for a rebate.</param>
public readonly record struct Fill(int InstrumentId, Side Side, long Quantity, long PriceTicks, long FeeValue = 0);
