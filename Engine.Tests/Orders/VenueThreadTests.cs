using Engine.Orders;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Tests.Support;
using Engine.Venues;

namespace Engine.Tests.Orders;

public sealed class VenueThreadTests
{
    /// <summary>A sink with room for <paramref name="queue"/> reports over a two-slot inbound ring nobody has read, after it published reports 1..<paramref name="reports"/> (accepted).</summary>
    private static (RingBuffer<InboundEvent> Inbound, Sequence Reader, BufferedExecutionSink Sink) SinkPublishing(int queue, int reports)
    {
        var inbound = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 2, new YieldingWaitStrategy());
        var reader = new Sequence();
        inbound.AddGatingSequences(reader);
        var sink = new BufferedExecutionSink(inbound, queue);
        for (int i = 1; i <= reports; i++)
        {
            sink.Publish(new ExecutionReport { Kind = ExecutionKind.Accepted, ClientOrderId = i });
        }
        return (inbound, reader, sink);
    }

    [Test]
    public void BufferedSink_RingFull_QueuesInOrderAndFlushesWhenThereIsRoom()
    {
        var (inbound, reader, sink) = SinkPublishing(queue: 8, reports: 5);

        Assert.That((sink.Published, sink.Pending), Is.EqualTo((2L, 3)));
        reader.SetValue(1); // the loop read both
        Assert.That(sink.Flush(), Is.False, "room for two of the three");
        Assert.That((inbound[2].Execution.ClientOrderId, inbound[3].Execution.ClientOrderId), Is.EqualTo((3L, 4L)));
        reader.SetValue(3);
        Assert.That(sink.Flush(), Is.True);
        Assert.That(inbound[4].Execution.ClientOrderId, Is.EqualTo(5));
        Assert.That(inbound[4].Kind, Is.EqualTo(InboundKind.Execution));
    }

    [Test]
    public void BufferedSink_RingAndQueueFull_DoublesTheQueueAndLosesNothing()
    {
        var (inbound, reader, sink) = SinkPublishing(queue: 2, reports: 7);

        Assert.That((sink.Published, sink.Pending, sink.Grown), Is.EqualTo((2L, 5, 2L)), "2 in the ring; the queue of 2 grew to 4, then 8");
        var seen = new List<long>();
        for (long read = 1; read <= 7; read += 2)
        {
            seen.Add(inbound[read - 1].Execution.ClientOrderId);
            seen.Add(inbound[read].Execution.ClientOrderId);
            reader.SetValue(read);
            sink.Flush();
        }
        Assert.That(seen.Take(7), Is.EqualTo(Enumerable.Range(1, 7).Select(i => (long)i)), "every report, in order");
        Assert.That(sink.Pending, Is.Zero);
    }

    [Test]
    public void Run_Commands_ReachTheHandlerInOrderAndFreeTheirSlots()
    {
        var outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 4, new YieldingWaitStrategy());
        var inbound = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 64, new YieldingWaitStrategy());
        var handler = new EchoHandler();
        using var venue = new VenueThread("venue-test", new VenueInputs(outbound), handler, new BufferedExecutionSink(inbound, 16));
        venue.Start();

        for (int i = 1; i <= 10; i++)
        {
            long sequence = outbound.Next(); // waits on the venue's gate once four are out
            outbound[sequence] = new OrderCommand { Kind = OrderCommandKind.New, ClientOrderId = i };
            outbound.Publish(sequence);
        }

        Eventually.Until(() => inbound.Cursor == 9, TestTimeouts.Join, "ten acknowledgements");
        Assert.That(venue.Stop(TestTimeouts.Join), Is.True);
        Assert.That(handler.Snapshot(), Is.EqualTo(Enumerable.Range(1, 10).Select(i => (long)i)));
        Assert.That(inbound[9].Execution.ClientOrderId, Is.EqualTo(10));
        Assert.That(venue.Fault, Is.Null);
    }

    [Test]
    public void Start_CpuItMayNotUse_RunsUnpinnedAndSaysSo()
    {
        var outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 4, new YieldingWaitStrategy());
        var inbound = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 4, new YieldingWaitStrategy());
        var log = new CapturingLogger();
        using var venue = new VenueThread("venue-test", new VenueInputs(outbound), new EchoHandler(), new BufferedExecutionSink(inbound, 4), [1023], log);

        venue.Start();

        Eventually.Until(() => venue.PinError is not null, TestTimeouts.Join, "the thread tried to pin itself");
        Assert.That(venue.Stop(TestTimeouts.Join), Is.True);
        Assert.That(log.Entries, Has.One.Matches<LogEntry>(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("venue-test could not be pinned to CPUs 1023", StringComparison.Ordinal)));
    }

    /// <summary>Acknowledges every command; records command ids for the test thread to read.</summary>
    private sealed class EchoHandler : IVenueHandler
    {
        private readonly List<long> _seen = [];

        public int Count
        {
            get
            {
                lock (_seen)
                {
                    return _seen.Count;
                }
            }
        }

        public long[] Snapshot()
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }

        public void OnCommand(ref OrderCommand command, IExecutionSink reports)
        {
            Record(command.ClientOrderId);
            reports.Publish(new ExecutionReport { Kind = ExecutionKind.Accepted, ClientOrderId = command.ClientOrderId });
        }

        public void OnIdle(IExecutionSink reports)
        {
        }

        private void Record(long value)
        {
            lock (_seen)
            {
                _seen.Add(value);
            }
        }
    }
}
