using Feeds;

namespace Engine.Tests.Feeds.Synthetic;

/// <summary>A sink that keeps a copy of every event, and can call back after each one.</summary>
internal sealed class RecordingSink(Action<int>? afterEach = null) : IMarketDataSink
{
    private readonly List<MarketDataEvent> _events = [];

    /// <summary>Every event published, in order.</summary>
    public IReadOnlyList<MarketDataEvent> Events => _events;

    public void Publish(in MarketDataEvent marketEvent)
    {
        _events.Add(marketEvent);
        afterEach?.Invoke(_events.Count);
    }

    /// <summary>An order-sensitive checksum of everything but the timestamps (which come from the clock).</summary>
    public long Checksum()
    {
        long checksum = 17;
        foreach (var e in _events)
        {
            checksum = (checksum * 31) + (long)e.Kind;
            checksum = (checksum * 31) + (long)e.Side;
            checksum = (checksum * 31) + e.InstrumentId;
            checksum = (checksum * 31) + e.OrderId;
            checksum = (checksum * 31) + e.PriceTicks;
            checksum = (checksum * 31) + e.Quantity;
        }
        return checksum;
    }
}
