using System.Diagnostics;
using Engine.Pipeline;
using Engine.Ring;

namespace Engine.Host;

/// <summary>
/// Publishes a no-op command (<see cref="ControlCommand.None"/>) into the inbound ring once a period,
/// so that the loop ends a batch, and does its end-of-batch time-driven work, when no market data
/// arrives: with live feeds, the paper venue's release of orders and reports held for their latency
/// follows the wall clock there, and a quiet market would otherwise hold them until its next quote.
/// </summary>
/// <remarks>
/// A thread-pool timer. It never waits: a full ring skips the tick (counted), the loop has events
/// to end batches with then. The loop handles a tick as it handles the health check's ping.
/// </remarks>
internal sealed class LoopTicker : IDisposable
{
    private readonly RingBuffer<InboundEvent> _ring;
    private readonly TimeSpan _period;
    private readonly Timer _timer;
    private long _published;
    private long _skipped;

    /// <summary>A ticker (not started) into <paramref name="ring"/> every <paramref name="period"/>.</summary>
    public LoopTicker(RingBuffer<InboundEvent> ring, TimeSpan period)
    {
        _ring = ring;
        _period = period;
        _timer = new Timer(_ => Tick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Ticks published.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Ticks skipped because the ring was full.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Starts ticking.</summary>
    public void Start() => _timer.Change(_period, _period);

    /// <summary>Stops ticking (a tick under way still completes).</summary>
    public void Stop() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    /// <summary>Publishes one tick, or counts it skipped if the ring is full.</summary>
    internal void Tick()
    {
        if (!_ring.TryNext(out long sequence))
        {
            Interlocked.Increment(ref _skipped);
            return;
        }
        ref var slot = ref _ring[sequence];
        slot.Kind = InboundKind.Command;
        slot.Command = ControlCommand.None;
        slot.Intent = default;
        slot.RequestId = 0;
        slot.TsPublishTicks = Stopwatch.GetTimestamp();
        _ring.Publish(sequence);
        Interlocked.Increment(ref _published);
    }
}
