using System.Diagnostics;
using Engine.Ring;
using Feeds;

namespace Engine.Pipeline;

/// <summary>The engine's side of a feed: publishes each decoded event into the inbound ring.</summary>
/// <remarks>
/// One sink per producer (a feed thread, or a feed's I/O callbacks, which run one at a time): it
/// counts what it published with a single writer. It waits while the ring is full (back-pressure)
/// and never drops.
/// </remarks>
public sealed class RingMarketDataSink : IMarketDataSink
{
    private readonly RingBuffer<InboundEvent> _ring;
    private long _published;

    /// <summary>Creates a sink over the inbound ring.</summary>
    public RingMarketDataSink(RingBuffer<InboundEvent> ring) => _ring = ring;

    /// <summary>Events published through this sink. Any thread.</summary>
    public long Published => Volatile.Read(ref _published);

    /// <inheritdoc />
    public void Publish(in MarketDataEvent marketEvent)
    {
        using var claim = _ring.Claim();
        ref var slot = ref claim.Event;
        slot.Kind = InboundKind.MarketData;
        slot.Market = marketEvent;
        slot.TsPublishTicks = Stopwatch.GetTimestamp();
        // Single writer; the write makes the count readable whole from the status thread.
        Volatile.Write(ref _published, _published + 1);
    }
}
