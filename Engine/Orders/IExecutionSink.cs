namespace Engine.Orders;

/// <summary>Where a venue gateway puts its execution reports: in the engine, the inbound ring (<see cref="Venues.BufferedExecutionSink"/>).</summary>
/// <remarks>Called from the venue's thread (the loop's for the paper venue); an implementation must not drop a report.</remarks>
public interface IExecutionSink
{
    /// <summary>Hands over one report; never waits (a report that does not fit yet waits in the sink).</summary>
    void Publish(in ExecutionReport report);
}
