using System.Diagnostics;
using Engine.Ring;
using Feeds;

namespace Engine.Pipeline;

/// <summary>The engine's side of a feed: publishes each decoded event into the inbound ring.</summary>
/// <remarks>Feed threads call it; it waits while the ring is full (back-pressure) and never drops.</remarks>
public sealed class RingMarketDataSink : IMarketDataSink
{
    private readonly RingBuffer<InboundEvent> _ring;

    /// <summary>Creates a sink over the inbound ring.</summary>
    public RingMarketDataSink(RingBuffer<InboundEvent> ring) => _ring = ring;

    /// <inheritdoc />
    public void Publish(in MarketDataEvent marketEvent)
    {
        using var claim = _ring.Claim();
        ref var slot = ref claim.Event;
        slot.Kind = InboundKind.MarketData;
        slot.Market = marketEvent;
        slot.TsPublishTicks = Stopwatch.GetTimestamp();
    }
}
