using Feeds;
using Feeds.Synthetic;

namespace Engine.Bench.Latency;

/// <summary>
/// A stretch of the synthetic market, generated once before any measurement and replayed from memory
/// as often as a run needs, as a feed replaying a capture would: the harness then measures the
/// pipeline, not the generator (about 60 ns an event on this machine, on the CPU the producer shares
/// with the venue thread, which made it the limit of <c>bench throughput</c>).
/// </summary>
/// <remarks>
/// The stretch ends with a delete of every order still live, so each replay starts on empty books
/// and the books stay consistent from one replay to the next. Venue time keeps rising: replay
/// <c>k</c> carries the recorded times plus <c>k</c> times the stretch's span. Read-only once built:
/// pipelines built one after another may share it.
/// </remarks>
internal sealed class MarketRecording
{
    /// <summary>The default length: 2^20 events, 80 MB, 0.2 s of replay at 5 M events/s.</summary>
    public const int DefaultEvents = 1 << 20;

    private readonly MarketDataEvent[] _events;
    private readonly long _spanNs;

    private MarketRecording(MarketDataEvent[] events, long spanNs)
    {
        _events = events;
        _spanNs = spanNs;
    }

    /// <summary>Events in one replay, the closing deletes included.</summary>
    public int Length => _events.Length;

    /// <summary>Records <paramref name="events"/> events of the market <paramref name="market"/> describes (its thread 0), then the deletes that empty its books.</summary>
    public static MarketRecording Record(SyntheticFeedOptions market, int events)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 2);
        var options = market with { Threads = 1 };
        // The feed's sink is never used: events are taken one by one.
        var feed = new SyntheticMarketFeed(options, 0, sink: null!);
        var recorded = new List<MarketDataEvent>(events + 1_024);
        var e = default(MarketDataEvent);
        for (int n = 0; n < events; n++)
        {
            feed.NextEvent(ref e);
            recorded.Add(e);
        }
        while (feed.NextClosingEvent(ref e))
        {
            recorded.Add(e);
        }
        long stepNs = recorded[1].TsEventNs - recorded[0].TsEventNs;
        return new MarketRecording([.. recorded], recorded[^1].TsEventNs - recorded[0].TsEventNs + stepNs);
    }

    /// <summary>A reader of the endless replay from its first event: one per producer.</summary>
    public Reader NewReader() => new(this);

    /// <summary>Reads the replay in order, one event after another, without a division per event.</summary>
    internal sealed class Reader(MarketRecording recording)
    {
        private int _index;
        private long _offsetNs;

        /// <summary>Copies the next event of the replay into <paramref name="e"/>.</summary>
        public void Next(ref MarketDataEvent e)
        {
            var events = recording._events;
            e = events[_index];
            e.TsEventNs += _offsetNs;
            if (++_index == events.Length)
            {
                _index = 0;
                _offsetNs += recording._spanNs;
            }
        }
    }
}
