using System.Diagnostics;
using Engine.Pipeline;
using Engine.Ring;
using Feeds;

namespace Engine.Bench.Latency;

/// <summary>
/// Publishes the synthetic market (order-by-order adds, deletes, executions, trades), replayed from a
/// <see cref="MarketRecording"/>, into the engine's inbound ring from the calling thread, open loop: event <c>n</c> of a run is due at
/// <c>start + n / rate</c> however late the ones before it were, and carries that due time as its
/// publish stamp, so every latency measured from the stamp is coordinated-omission corrected. Unpaced
/// (rate 0) it publishes as fast as the ring takes events and stamps the real publish time.
/// </summary>
/// <remarks>
/// One thread at a time; nothing allocates per event. Successive runs continue the same replay, so
/// the books stay consistent across warm-up and measurement. Each event is read before its due
/// time, so only the copy into the slot, the claim and the publish lie on the measured path.
/// </remarks>
internal sealed class PacedProducer
{
    /// <summary>Further ahead of the next due time than this, the producer yields its CPU (the venue thread shares it).</summary>
    private static readonly long s_yieldAheadTicks = Stopwatch.Frequency / 50_000;

    /// <summary>An event published more than this after its due time counts as late (1 us).</summary>
    private static readonly long s_lateTicks = Stopwatch.Frequency / 1_000_000;

    private readonly RingBuffer<InboundEvent> _ring;
    private readonly MarketRecording.Reader _market;
    private readonly long _yieldEveryTicks;
    private MarketDataEvent _next;
    private long _lastYieldTicks;

    /// <summary>
    /// Publishes into <paramref name="ring"/> the replay of <paramref name="market"/>. With <paramref name="yieldEveryTicks"/> above 0 the producer, when ahead of time at all,
    /// also yields its CPU once that long after it last got the CPU back from a yield, as a feed thread
    /// waiting on its socket leaves its CPU to the venue thread; 0: it yields only when far ahead.
    /// </summary>
    /// <remarks>
    /// The period runs from the return of the last yield, not from its call: counted from the call,
    /// the yields fell on the same events of the 1 us grid run after run, and so did every 100th
    /// event, the harness strategy's orders; tick-to-trade then depended on that phase (orders
    /// waited 0.25 us or 2-5 us for the loop in the same placement, run to run).
    /// </remarks>
    public PacedProducer(RingBuffer<InboundEvent> ring, MarketRecording market, long yieldEveryTicks = 0)
    {
        _ring = ring;
        _market = market.NewReader();
        _yieldEveryTicks = yieldEveryTicks > 0 ? yieldEveryTicks : long.MaxValue;
    }

    /// <summary>Events published so far, over all runs.</summary>
    public long Published { get; private set; }

    /// <summary>Publishes <paramref name="count"/> events, the first due at <paramref name="startTicks"/>, at <paramref name="ratePerSecond"/> (0: unpaced).</summary>
    public ProducerRun Run(long count, long ratePerSecond, long startTicks)
    {
        long frequency = Stopwatch.Frequency;
        long maxLagTicks = 0;
        long late = 0;
        long due = startTicks;
        for (long n = 0; n < count; n++)
        {
            _market.Next(ref _next);
            long stamp;
            if (ratePerSecond > 0)
            {
                due = startTicks + (n * frequency / ratePerSecond);
                long now = Stopwatch.GetTimestamp();
                maxLagTicks = Math.Max(maxLagTicks, now - due);
                while (now < due)
                {
                    if (due - now > s_yieldAheadTicks || now - _lastYieldTicks > _yieldEveryTicks)
                    {
                        Thread.Yield();
                        now = Stopwatch.GetTimestamp();
                        _lastYieldTicks = now;
                        continue;
                    }
                    now = Stopwatch.GetTimestamp();
                }
                late += now - due > s_lateTicks ? 1 : 0;
                stamp = due;
            }
            else
            {
                stamp = Stopwatch.GetTimestamp();
            }
            long sequence = _ring.Next();
            ref var slot = ref _ring[sequence];
            slot.Kind = InboundKind.MarketData;
            slot.Market = _next;
            slot.Market.TsRecvNs = stamp;
            slot.TsPublishTicks = stamp;
            _ring.Publish(sequence);
        }
        Published += count;
        long endTicks = Stopwatch.GetTimestamp();
        return new ProducerRun(count, startTicks, endTicks, maxLagTicks, ratePerSecond > 0 ? endTicks - due : 0, late);
    }
}

/// <summary>
/// What one <see cref="PacedProducer.Run"/> did: events, when it started and ended (Stopwatch ticks), how
/// far behind its schedule it fell at worst and at the end, and how many events it published more than
/// 1 us after their due time (paced runs; every such event's latency includes the wait for the producer).
/// </summary>
internal readonly record struct ProducerRun(long Events, long StartTicks, long EndTicks, long MaxLagTicks, long EndLagTicks, long LateEvents);
