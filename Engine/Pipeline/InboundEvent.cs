using System.Runtime.InteropServices;
using Feeds;

namespace Engine.Pipeline;

/// <summary>A slot of the inbound ring: what the business-logic thread processes.</summary>
/// <remarks>Later issues add execution reports and control commands beside the market data.</remarks>
[StructLayout(LayoutKind.Sequential)]
public struct InboundEvent
{
    /// <summary>When the producer published the slot, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long TsPublishTicks;

    /// <summary>The market-data event, copied in by the feed's sink.</summary>
    public MarketDataEvent Market;
}
