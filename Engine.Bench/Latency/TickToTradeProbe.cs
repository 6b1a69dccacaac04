using Engine.Metrics;
using Engine.Orders;
using Engine.Venues;
using Feeds;

namespace Engine.Bench.Latency;

/// <summary>
/// Wraps the venue's handler on the venue thread and records, for every new order the router wrote
/// into the outbound ring, tick-to-trade: from the publish stamp of the inbound event that led to it
/// (<see cref="OrderCommand.TsOriginTicks"/>, the intended send time in the harness) to the router's
/// stamp as it wrote the command (<see cref="OrderCommand.TsSentTicks"/>). Both stamps were taken on the
/// loop, so reading them here costs the loop nothing.
/// </summary>
/// <remarks>Venue thread only. One interface call more per command than the engine makes.</remarks>
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
    public void OnMarket(in MarketDataEvent market, IExecutionSink reports) => inner.OnMarket(in market, reports);

    /// <inheritdoc />
    public void OnIdle(IExecutionSink reports) => inner.OnIdle(reports);
}
