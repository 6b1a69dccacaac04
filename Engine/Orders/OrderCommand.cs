using System.Runtime.InteropServices;
using Engine.Risk;
using Feeds;

namespace Engine.Orders;

/// <summary>
/// A slot of the outbound ring: what the router asks a venue gateway to do. Fixed size, no strings;
/// the gateway formats ids and decimals for the wire on its own thread.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct OrderCommand
{
    /// <summary>New or cancel.</summary>
    public OrderCommandKind Kind;

    /// <summary>Buy or sell.</summary>
    public Side Side;

    /// <summary>Market, limit, stop, stop-limit or trailing stop.</summary>
    public OrderType Type;

    /// <summary>Time in force.</summary>
    public TimeInForce TimeInForce;

    /// <summary>The instrument id.</summary>
    public int InstrumentId;

    /// <summary>The venue time (<see cref="Feeds.MarketDataEvent.TsEventNs"/>) of the last market event the loop had seen when it wrote the command: a simulated venue's clock.</summary>
    public long OriginEventNs;

    /// <summary>When the inbound event that caused it was published, <see cref="System.Diagnostics.Stopwatch"/> ticks (tick-to-trade starts here).</summary>
    public long TsOriginTicks;

    /// <summary>Our id of the order (of the order to cancel for <see cref="OrderCommandKind.Cancel"/>).</summary>
    public long ClientOrderId;

    /// <summary>Quantity.</summary>
    public long Quantity;

    /// <summary>Limit price in ticks, else 0.</summary>
    public long LimitPriceTicks;

    /// <summary>Stop price in ticks, else 0.</summary>
    public long StopPriceTicks;

    /// <summary>Trailing distance in ticks, else 0.</summary>
    public long TrailTicks;

    /// <summary>When the router wrote the command, <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long TsSentTicks;
}
