using Feeds;

namespace Engine.Tests.Kraken;

/// <summary>A sink that keeps every event, for asserting what a decoder published.</summary>
internal sealed class KrakenRecordingSink : IMarketDataSink
{
    public List<MarketDataEvent> Events { get; } = [];

    public void Publish(in MarketDataEvent marketEvent) => Events.Add(marketEvent);
}
