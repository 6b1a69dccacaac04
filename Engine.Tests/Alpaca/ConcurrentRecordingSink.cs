using Feeds;
using Feeds.Alpaca;

namespace Engine.Tests.Alpaca;

/// <summary>Keeps every event and bar; written by the feed's I/O thread, read by the test.</summary>
internal sealed class ConcurrentRecordingSink : IMarketDataSink, IAlpacaBarSink
{
    private readonly Lock _gate = new();
    private readonly List<MarketDataEvent> _events = [];
    private readonly List<AlpacaBar> _bars = [];

    /// <summary>A copy of the events so far.</summary>
    public List<MarketDataEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>A copy of the bars so far.</summary>
    public List<AlpacaBar> Bars
    {
        get
        {
            lock (_gate)
            {
                return [.. _bars];
            }
        }
    }

    /// <summary>Events of <paramref name="kind"/> so far.</summary>
    public List<MarketDataEvent> Of(MarketDataKind kind) => Events.FindAll(e => e.Kind == kind);

    /// <summary>Feed-status events with <paramref name="status"/> so far.</summary>
    public int CountStatus(FeedStatus status) => Events.FindAll(e => e.Kind == MarketDataKind.FeedStatus && e.Status == (byte)status).Count;

    public void Publish(in MarketDataEvent marketEvent)
    {
        lock (_gate)
        {
            _events.Add(marketEvent);
        }
    }

    public void OnBar(in AlpacaBar bar)
    {
        lock (_gate)
        {
            _bars.Add(bar);
        }
    }
}
