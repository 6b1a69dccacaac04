using Engine.Orders;

namespace Engine.Venues;

/// <summary>What a venue does with the commands of the outbound ring, on its gateway thread.</summary>
public interface IVenueHandler
{
    /// <summary>Handles one slot (an order command, or a market event for a simulated venue); reports go to <paramref name="reports"/>.</summary>
    void OnCommand(ref OrderCommand command, IExecutionSink reports);

    /// <summary>Called when the ring has nothing new: time-driven work (held orders, timeouts) goes here.</summary>
    void OnIdle(IExecutionSink reports);
}
