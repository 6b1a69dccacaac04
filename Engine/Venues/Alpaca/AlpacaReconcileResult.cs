using Engine.Orders;

namespace Engine.Venues.Alpaca;

/// <summary>What a reconciliation did and found.</summary>
/// <param name="Complete">Whether every read succeeded; when false the gateway should keep holding orders and try again.</param>
/// <param name="Reports">The reports published to bring the engine's orders to the venue's state, in order.</param>
/// <param name="Differences">What differs and no report can fix.</param>
/// <param name="Error">The failure that made it incomplete, if any.</param>
public sealed record AlpacaReconcileResult(bool Complete, IReadOnlyList<ExecutionReport> Reports, IReadOnlyList<AlpacaDifference> Differences, AlpacaError? Error = null);
