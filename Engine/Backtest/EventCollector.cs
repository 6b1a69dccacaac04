using Feeds;

namespace Engine.Backtest;

/// <summary>A market-data sink that keeps every event a decoder publishes, in order (loading a backtest's file, off the loop).</summary>
internal sealed class EventCollector : IMarketDataSink
{
    /// <summary>The events so far.</summary>
    public List<MarketDataEvent> Events { get; } = [];

    /// <inheritdoc />
    public void Publish(in MarketDataEvent marketEvent) => Events.Add(marketEvent);
}
