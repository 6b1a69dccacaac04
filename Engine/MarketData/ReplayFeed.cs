using System.Diagnostics;
using Feeds;

namespace Engine.MarketData;

/// <summary>
/// Publishes a recorded file's events into the engine on its own thread, each when its recorded time
/// (relative to the first event's), divided by the speed, has passed on the wall clock; with speed 0
/// as fast as the sink takes them. Each event's instrument id is moved by the offset the host gave
/// the file's instruments (a feed-wide event, instrument -1, goes to each of them, not to the other
/// feeds' books), and its order ids into the replay's own range (<see cref="OrderIdSpace"/>).
/// Reports to its <see cref="FeedHealth"/> (<c>replay</c>): connected while it publishes, every
/// event as a message, finished once the file is done.
/// </summary>
/// <remarks>One thread (the feed's). Pacing sleeps while an event is more than 2 ms away and yields closer to it.</remarks>
internal sealed class ReplayFeed
{
    /// <summary>The feed's name: the <c>feed</c> label of its metrics and its readiness component.</summary>
    public const string Name = "replay";

    /// <summary>
    /// Set in every order id the replay publishes. The books share one order-id table, and the synthetic
    /// market numbers its orders from 1 (thread i from i x 2^48), as a recorded file does: without it
    /// their ids would meet, and an add would find the other's order (a duplicate) or a delete miss its own.
    /// </summary>
    public const long OrderIdSpace = 1L << 62;

    private static readonly long s_sleepAboveTicks = Stopwatch.Frequency / 500;

    private readonly MarketDataEvent[] _events;
    private readonly int _instrumentOffset;
    private readonly int _instruments;
    private readonly double _speed;
    private readonly IMarketDataSink _sink;

    /// <summary>
    /// Replays <paramref name="events"/> (in file order, of <paramref name="instruments"/> instruments) into
    /// <paramref name="sink"/>, ids moved by <paramref name="instrumentOffset"/>, at <paramref name="speed"/> (0: unpaced).
    /// </summary>
    public ReplayFeed(MarketDataEvent[] events, int instruments, int instrumentOffset, double speed, IMarketDataSink sink)
    {
        _events = events;
        _instruments = instruments;
        _instrumentOffset = instrumentOffset;
        _speed = speed;
        _sink = sink;
    }

    /// <summary>The feed's health, read by metrics and readiness.</summary>
    public FeedHealth Health { get; } = new(Name);

    /// <summary>When event <paramref name="index"/> is due, in Stopwatch ticks, for a replay started at <paramref name="startTicks"/>.</summary>
    public long DueTicks(int index, long startTicks)
    {
        double recordedNs = _events[index].TsEventNs - _events[0].TsEventNs;
        return startTicks + (long)(recordedNs / _speed * Stopwatch.Frequency / 1e9);
    }

    /// <summary>Publishes every event, paced, until done (then it reads finished) or <paramref name="stop"/> (disconnected).</summary>
    public void Run(CancellationToken stop)
    {
        Health.OnConnected();
        long startTicks = Stopwatch.GetTimestamp();
        int published = 0;
        for (int i = 0; i < _events.Length && !stop.IsCancellationRequested; i++)
        {
            if (_speed > 0 && !WaitUntil(DueTicks(i, startTicks), stop))
            {
                break;
            }
            var e = _events[i];
            e.OrderId |= e.OrderId > 0 ? OrderIdSpace : 0;
            e.NewOrderId |= e.NewOrderId > 0 ? OrderIdSpace : 0;
            e.TsRecvNs = Stopwatch.GetTimestamp();
            if (e.InstrumentId >= 0)
            {
                e.InstrumentId += _instrumentOffset;
                _sink.Publish(in e);
            }
            else
            {
                for (int id = 0; id < _instruments; id++)
                {
                    e.InstrumentId = _instrumentOffset + id;
                    _sink.Publish(in e);
                }
            }
            Health.OnMessages(1, e.TsRecvNs);
            published++;
        }
        if (published == _events.Length)
        {
            Health.OnFinished();
        }
        else
        {
            Health.OnDisconnected(stale: false);
        }
    }

    /// <summary>Waits until <paramref name="dueTicks"/>; false if <paramref name="stop"/> came first.</summary>
    private static bool WaitUntil(long dueTicks, CancellationToken stop)
    {
        for (long now = Stopwatch.GetTimestamp(); now < dueTicks; now = Stopwatch.GetTimestamp())
        {
            if (stop.IsCancellationRequested)
            {
                return false;
            }
            if (dueTicks - now > s_sleepAboveTicks)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Yield();
            }
        }
        return true;
    }
}
