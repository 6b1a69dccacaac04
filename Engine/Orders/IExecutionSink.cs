namespace Engine.Orders;

/// <summary>Where a venue gateway puts its execution reports: in the engine, the inbound ring (<see cref="Venues.BufferedExecutionSink"/>).</summary>
/// <remarks>Called from the gateway's own thread; an implementation must not drop a report.</remarks>
public interface IExecutionSink
{
    /// <summary>Hands over one report; waits if the ring is full.</summary>
    void Publish(in ExecutionReport report);
}
