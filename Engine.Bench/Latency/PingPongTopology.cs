using System.Diagnostics;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using HdrHistogram;

namespace Engine.Bench.Latency;

/// <summary>
/// Round trip through two rings: the pinger publishes into the ping ring, an echo processor
/// publishes each event into the pong ring, and the pinger waits for it there. One event in
/// flight at a time; the histogram holds whole round trips.
/// </summary>
internal static class PingPongTopology
{
    private const int RingSlots = 1_024;

    public static LatencyStats Run(WaitStrategyKind wait, bool pinned, TimeSpan duration)
    {
        var ping = RingBuffer<ValueEvent>.Create(ProducerType.Single, RingSlots, WaitStrategyFactory.Create(wait));
        var pong = RingBuffer<ValueEvent>.Create(ProducerType.Single, RingSlots, WaitStrategyFactory.Create(wait));
        var echo = new BatchEventProcessor<ValueEvent, EchoHandler>(ping, ping.NewBarrier(), new EchoHandler(pong), new HaltingExceptionHandler(), RingSlots);
        ping.AddGatingSequences(echo.Sequence);
        var pongBarrier = pong.NewBarrier();
        var pongRead = new Sequence();
        pong.AddGatingSequences(pongRead);
        var histogram = LatencyStats.NewHistogram();
        var echoThread = Pinning.Start("bench-echo", pinned, Pinning.ConsumerCpu, echo.Run);

        long durationTicks = (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var pinger = Pinning.Start("bench-pinger", pinned, Pinning.ProducerCpu, () => Ping(ping, pongBarrier, pongRead, histogram, durationTicks));
        pinger.Join();
        echo.Halt();
        echoThread.Join();
        return LatencyStats.From(histogram);
    }

    private static void Ping(RingBuffer<ValueEvent> ping, SequenceBarrier pongBarrier, Sequence pongRead, LongHistogram histogram, long durationTicks)
    {
        long end = Stopwatch.GetTimestamp() + durationTicks;
        for (long i = 0; ; i++)
        {
            long start = Stopwatch.GetTimestamp();
            if (start >= end)
            {
                return;
            }
            long sequence = ping.Next();
            ping[sequence].Value = start;
            ping.Publish(sequence);
            pongBarrier.WaitFor(i);
            pongRead.SetValue(i);
            histogram.RecordValue(Stopwatch.GetTimestamp() - start);
        }
    }

    private readonly struct EchoHandler(RingBuffer<ValueEvent> pong) : IEventHandler<ValueEvent>
    {
        public void OnEvent(ref ValueEvent e, long sequence, bool endOfBatch)
        {
            long reply = pong.Next();
            pong[reply].Value = e.Value;
            pong.Publish(reply);
        }
    }
}
