using Engine.Pipeline;
using Engine.Ring;

namespace Engine.Host;

/// <summary>
/// The loop's tick: when the loop has found nothing in the inbound ring for <c>pipeline.tickMs</c>, it
/// publishes a no-op command (<see cref="ControlCommand.None"/>) into that ring itself and handles it
/// like any event, so that the batch it makes ends and the end-of-batch time-driven work runs (a
/// strategy's timer, a TWAP's slices, the breaker's cool-down, the venue-answer watch, the paper venue's
/// held orders on live feeds) in a quiet market too.
/// </summary>
/// <remarks>
/// <para>Called by the loop's processor when its wait strategy has been idle that long
/// (<see cref="BatchEventProcessor{T, THandler}"/>'s idle action), on the loop thread, between events:
/// no other thread wakes for it, and a busy market, whose events end batches anyway, never ticks. A
/// timer thread publishing every millisecond instead took the feeds' CPU from them a thousand times a
/// second (PERFORMANCE.md, session 15).</para>
/// <para>It never waits: with no room in the ring (producers have claimed every slot) it counts the
/// tick skipped; the loop then has events to end batches with.</para>
/// </remarks>
internal sealed class LoopTicker(RingBuffer<InboundEvent> ring)
{
    private long _published;
    private long _skipped;

    /// <summary>Ticks published.</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Ticks skipped because the ring was full.</summary>
    public long Skipped => Volatile.Read(ref _skipped);

    /// <summary>Publishes one tick, or counts it skipped if the ring is full. The loop's thread.</summary>
    public void Tick()
    {
        if (!ring.TryClaim(out var claim))
        {
            Volatile.Write(ref _skipped, _skipped + 1);
            return;
        }
        using (claim)
        {
            claim.Event.SetCommand(ControlCommand.None);
        }
        Volatile.Write(ref _published, _published + 1);
    }
}
