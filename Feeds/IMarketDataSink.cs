namespace Feeds;

/// <summary>
/// Where a feed hands its decoded events. The engine implements it by publishing into its inbound
/// ring; tests implement it with a list.
/// </summary>
/// <remarks>
/// Called on the feed's own I/O thread. <see cref="Publish"/> may wait while the consumer is behind
/// (back-pressure) but never drops an event.
/// </remarks>
public interface IMarketDataSink
{
    /// <summary>Hands one event over; the sink copies it, so the caller may reuse its struct.</summary>
    void Publish(in MarketDataEvent marketEvent);
}
