using Engine.Orders;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Venues;

namespace Engine.Tests.Venues;

/// <summary>A venue's reader of the outbound ring: every command once, in order, and the ring gated on what it has handled.</summary>
public sealed class VenueInputsTests
{
    [Test]
    public void Drain_CommandsWritten_HandsEachOnceInOrder()
    {
        var outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 8, new YieldingWaitStrategy());
        var inputs = new VenueInputs(outbound);
        var venue = new RecordingVenue();
        Write(outbound, 1, 2, 3);

        Assert.That(inputs.HasCommands, Is.True);
        Assert.That(inputs.Drain(venue, venue), Is.EqualTo(3));
        Write(outbound, 4);
        Assert.That(inputs.Drain(venue, venue), Is.EqualTo(1));

        Assert.That(venue.Ids, Is.EqualTo(new long[] { 1, 2, 3, 4 }));
        Assert.That((inputs.HasCommands, inputs.Consumed.Value), Is.EqualTo((false, 3L)));
        Assert.That(inputs.Drain(venue, venue), Is.Zero, "nothing new");
    }

    [Test]
    public void Consumed_CommandsNotYetHandled_HoldTheRouter()
    {
        var outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 4, new YieldingWaitStrategy());
        var inputs = new VenueInputs(outbound);
        Write(outbound, 1, 2, 3, 4);

        Assert.That(outbound.TryNext(out _), Is.False, "the venue has handled none of the four");
        inputs.Drain(new RecordingVenue(), new RecordingVenue());
        Assert.That(outbound.TryNext(out _), Is.True);
    }

    private static void Write(RingBuffer<OrderCommand> outbound, params long[] ids)
    {
        foreach (long id in ids)
        {
            long sequence = outbound.Next();
            outbound[sequence] = new OrderCommand { Kind = OrderCommandKind.New, ClientOrderId = id };
            outbound.Publish(sequence);
        }
    }

    private sealed class RecordingVenue : IVenueHandler, IExecutionSink
    {
        public List<long> Ids { get; } = [];

        public void OnCommand(ref OrderCommand command, IExecutionSink reports) => Ids.Add(command.ClientOrderId);

        public void OnIdle(IExecutionSink reports)
        {
        }

        public void Publish(in ExecutionReport report)
        {
        }
    }
}
