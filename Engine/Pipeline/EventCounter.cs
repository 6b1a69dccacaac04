using System.Diagnostics;
using Engine.Metrics;
using Feeds;

namespace Engine.Pipeline;

/// <summary>
/// The chain's bookkeeping stage: counts events by kind and the worst publish-to-handler delay,
/// and copies its counts to a snapshot at every end of batch (<see cref="EndBatch"/>) for the status thread to read.
/// </summary>
/// <remarks>
/// <see cref="OnEvent"/> runs on the loop thread and allocates nothing; <see cref="Snapshot"/>
/// may be read from any thread.
/// </remarks>
public sealed class EventCounter
{
    private static readonly int s_kinds = Enum.GetValues<MarketDataKind>().Length;

    private readonly long[] _live = new long[s_kinds];
    private readonly long[] _published = new long[s_kinds];
    private readonly LatencyRecorder? _chainLatency;
    private long _liveTotal;
    private long _publishedTotal;
    private long _liveHandled;
    private long _publishedHandled;
    private long _liveMaxDelayTicks;
    private long _publishedMaxDelayTicks;
    private long _checksum;

    /// <summary>
    /// Creates the counter; with <paramref name="chainLatency"/> (benchmarks) it also records each market
    /// event's publish-to-end-of-chain latency there (the counter is the chain's last stage).
    /// </summary>
    public EventCounter(LatencyRecorder? chainLatency = null) => _chainLatency = chainLatency;

    /// <summary>Market-data events seen (what the feeds published), as of the last end of batch.</summary>
    public long Total => Volatile.Read(ref _publishedTotal);

    /// <summary>Every event handled (market data, execution reports, commands), as of the last end of batch: moves whenever the loop does.</summary>
    public long Handled => Volatile.Read(ref _publishedHandled);

    /// <summary>Largest publish-to-handler delay seen, nanoseconds, as of the last end of batch.</summary>
    public long MaxDelayNs => (long)(Volatile.Read(ref _publishedMaxDelayTicks) * (1e9 / Stopwatch.Frequency));

    /// <summary>
    /// An order-sensitive checksum of every event seen (instrument, kind, order id, price,
    /// quantity). Read it only after the loop has stopped.
    /// </summary>
    public long Checksum => _checksum;

    /// <summary>Events of <paramref name="kind"/> seen, as of the last end of batch.</summary>
    public long Count(MarketDataKind kind) => Volatile.Read(ref _published[(int)kind]);

    /// <summary>Counts one event. Loop thread only.</summary>
    public void OnEvent(ref InboundEvent e)
    {
        _liveHandled++;
        if (e.Kind == InboundKind.MarketData)
        {
            _liveTotal++;
            ref var market = ref e.Market;
            _live[(int)market.Kind]++;
            _checksum = (_checksum * 31) + market.InstrumentId + ((long)market.Kind << 8) + market.OrderId + market.PriceTicks + market.Quantity;
            _chainLatency?.Record(e.TsPublishTicks, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>
    /// Ends a batch whose last event is <paramref name="last"/>: takes its publish-to-now delay into the
    /// worst delay and copies the counts to the snapshot. Loop thread only; the chain calls it after
    /// every other stage has published, so a reader that sees an event handled sees their figures too.
    /// </summary>
    public void EndBatch(ref InboundEvent last)
    {
        long delay = Stopwatch.GetTimestamp() - last.TsPublishTicks;
        if (delay > _liveMaxDelayTicks)
        {
            _liveMaxDelayTicks = delay;
        }

        // Release stores: a reader that sees the new total also sees the counts before it.
        for (int kind = 0; kind < _live.Length; kind++)
        {
            Volatile.Write(ref _published[kind], _live[kind]);
        }
        Volatile.Write(ref _publishedMaxDelayTicks, _liveMaxDelayTicks);
        Volatile.Write(ref _publishedHandled, _liveHandled);
        Volatile.Write(ref _publishedTotal, _liveTotal);
    }
}
