using System.Diagnostics;
using Engine.Orders;
using Engine.Ring;

namespace Engine.Pipeline;

/// <summary>A venue gateway's side of the inbound ring: publishes each execution report as an event.</summary>
/// <remarks>Gateway threads call it; it waits while the ring is full (back-pressure) and never drops.</remarks>
public sealed class RingExecutionSink : IExecutionSink
{
    private readonly RingBuffer<InboundEvent> _ring;

    /// <summary>Creates a sink over the inbound ring.</summary>
    public RingExecutionSink(RingBuffer<InboundEvent> ring) => _ring = ring;

    /// <inheritdoc />
    public void Publish(in ExecutionReport report)
    {
        using var claim = _ring.Claim();
        ref var slot = ref claim.Event;
        slot.Kind = InboundKind.Execution;
        slot.Execution = report;
        slot.TsPublishTicks = Stopwatch.GetTimestamp();
    }
}
