using Engine.Orders;

namespace Engine.Venues.Paper;

/// <summary>A command waiting out the entry latency: it takes effect when the venue clock reaches <see cref="DueNs"/>.</summary>
internal struct HeldCommand
{
    public OrderCommand Command;
    public long DueNs;
}
