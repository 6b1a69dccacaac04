using Engine.Orders;

namespace Engine.Venues;

/// <summary>What a venue does with the commands of the outbound ring: on its gateway thread (Alpaca) or on the loop (the paper venue).</summary>
public interface IVenueHandler
{
    /// <summary>Handles one order command; reports go to <paramref name="reports"/>.</summary>
    void OnCommand(ref OrderCommand command, IExecutionSink reports);

    /// <summary>Time-driven work (held orders, timeouts): when the gateway's thread finds nothing new, or at the end of the loop's batch.</summary>
    void OnIdle(IExecutionSink reports);
}
