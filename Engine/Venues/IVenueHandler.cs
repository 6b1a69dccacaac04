using Engine.Orders;
using Feeds;

namespace Engine.Venues;

/// <summary>What a venue does with the commands of the outbound ring and, when simulated, the market, on its gateway thread.</summary>
public interface IVenueHandler
{
    /// <summary>Handles one order command; reports go to <paramref name="reports"/>.</summary>
    void OnCommand(ref OrderCommand command, IExecutionSink reports);

    /// <summary>
    /// Handles one market event the loop has handled, before any command that came after it (<see cref="VenueInputs"/>):
    /// a simulated venue's book follows the market with it. A venue that matches on its own ignores it.
    /// </summary>
    void OnMarket(in MarketDataEvent market, IExecutionSink reports);

    /// <summary>Called when the ring has nothing new: time-driven work (held orders, timeouts) goes here.</summary>
    void OnIdle(IExecutionSink reports);
}
