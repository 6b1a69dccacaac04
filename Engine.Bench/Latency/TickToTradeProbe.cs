using Engine.Metrics;
using Engine.Orders;
using Engine.Venues;

namespace Engine.Bench.Latency;

/// <summary>
/// Wraps the paper venue's command handler and records, for every new order the router wrote into the
/// outbound ring, tick-to-trade: from the publish stamp of the inbound event that led to it
/// (<see cref="OrderCommand.TsOriginTicks"/>, the intended send time in the harness) to the router's
/// stamp as it wrote the command (<see cref="OrderCommand.TsSentTicks"/>).
/// </summary>
/// <remarks>Loop thread (the paper venue is a stage of the chain): after the send stamp, so it adds to
/// the chain's end and the next event's wait, not to the order's tick-to-trade. One interface call and
/// one histogram record more per order than the engine makes.</remarks>
internal sealed class TickToTradeProbe(IVenueHandler inner, LatencyRecorder recorder) : IVenueHandler
{
    /// <inheritdoc />
    public void OnCommand(ref OrderCommand command, IExecutionSink reports)
    {
        if (command.Kind == OrderCommandKind.New)
        {
            recorder.Record(command.TsOriginTicks, command.TsSentTicks);
        }
        inner.OnCommand(ref command, reports);
    }

    /// <inheritdoc />
    public void OnIdle(IExecutionSink reports) => inner.OnIdle(reports);
}
