using CsCheck;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Venues;
using Feeds;

namespace Engine.Tests.Venues;

/// <summary>
/// The venue's view of the engine: each command after the market events up to the one it came from and
/// before any later one, market events only once the loop has handled them, and both rings gated on what it read.
/// </summary>
public sealed class VenueInputsTests
{
    [Test]
    public void Drain_CommandsAndMarket_HandsEachCommandAfterTheMarketUpToItsOriginAndBeforeLaterEvents()
    {
        var rings = new Rings();
        for (int n = 0; n <= 5; n++)
        {
            rings.PublishEvent(market: n != 3);
        }
        rings.PublishCommand(origin: 2);
        rings.PublishCommand(origin: 4);
        rings.Loop.SetValue(5);
        var handler = new RecordingVenue();

        int handled = rings.Inputs.Drain(handler, handler);

        Assert.That(handler.Log, Is.EqualTo(new[] { "M0", "M1", "M2", "C2", "M4", "C4", "M5" }));
        Assert.That(handled, Is.EqualTo(7));
        Assert.That((rings.Inputs.Followed.Value, rings.Inputs.Consumed.Value), Is.EqualTo((5L, 1L)));
    }

    [Test]
    public void Drain_MarketTheLoopHasNotHandled_WaitsForTheLoop()
    {
        var rings = new Rings();
        for (int n = 0; n <= 5; n++)
        {
            rings.PublishEvent(market: n != 3);
        }
        var handler = new RecordingVenue();

        Assert.That(rings.Inputs.Drain(handler, handler), Is.Zero, "the loop has handled nothing");
        rings.Loop.SetValue(1);
        rings.Inputs.Drain(handler, handler);
        Assert.That(handler.Log, Is.EqualTo(new[] { "M0", "M1" }));
        rings.Loop.SetValue(4);
        rings.Inputs.Drain(handler, handler);

        Assert.That(handler.Log, Is.EqualTo(new[] { "M0", "M1", "M2", "M4" }));
        Assert.That(rings.Inputs.Followed.Value, Is.EqualTo(4));
        Assert.That(rings.Inputs.HasCommands, Is.False);
    }

    [Test]
    public void Drain_VenueThatMatchesOnItsOwn_GetsCommandsOnly()
    {
        var outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 8, new YieldingWaitStrategy());
        var inputs = new VenueInputs(outbound);
        long sequence = outbound.Next();
        outbound[sequence] = new OrderCommand { Kind = OrderCommandKind.New, ClientOrderId = 7, OriginSequence = 3 };
        outbound.Publish(sequence);
        var handler = new RecordingVenue();

        Assert.That(inputs.HasCommands, Is.True);
        Assert.That(inputs.Drain(handler, handler), Is.EqualTo(1));
        Assert.That(handler.Log, Is.EqualTo(new[] { "C3" }));
        Assert.That(inputs.HasCommands, Is.False);
    }

    [Test]
    public void Followed_EventsNotYetRead_HoldTheInboundProducers()
    {
        var rings = new Rings(inboundSlots: 4);
        for (int n = 0; n < 4; n++)
        {
            rings.PublishEvent(market: true);
        }
        rings.Loop.SetValue(3);

        Assert.That(rings.Inbound.TryNext(out _), Is.False, "the venue has not read the slots the loop is done with");
        rings.Inputs.Drain(new RecordingVenue(), new RecordingVenue());
        Assert.That(rings.Inbound.TryNext(out _), Is.True);
    }

    [Test]
    public void Drain_AnyProgressOfTheLoopAndTheVenue_HandsTheLoopsOrder()
    {
        // Per inbound event: a market event or not, the commands the loop wrote for it, whether the loop's
        // batch ends after it, whether the venue drains then.
        var steps = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 2], Gen.Bool, Gen.Bool).Array[1, 40];
        steps.Sample(events =>
        {
            var rings = new Rings(inboundSlots: 64, outboundSlots: 128);
            var handler = new RecordingVenue();
            var expected = new List<string>();
            for (int n = 0; n < events.Length; n++)
            {
                var (kind, commands, batchEnds, drains) = events[n];
                rings.PublishEvent(market: kind > 0);
                if (kind > 0)
                {
                    expected.Add($"M{n}");
                }
                for (int c = 0; c < commands; c++)
                {
                    rings.PublishCommand(origin: n);
                    expected.Add($"C{n}");
                }
                if (batchEnds)
                {
                    rings.Loop.SetValue(n);
                }
                if (drains)
                {
                    rings.Inputs.Drain(handler, handler);
                }
            }
            rings.Loop.SetValue(events.Length - 1);
            rings.Inputs.Drain(handler, handler);
            return handler.Log.SequenceEqual(expected);
        });
    }

    /// <summary>An inbound ring the test publishes into, the loop's sequence over it, an outbound ring, and the venue's inputs over both.</summary>
    private sealed class Rings
    {
        public Rings(int inboundSlots = 16, int outboundSlots = 16)
        {
            Inbound = RingBuffer<InboundEvent>.Create(ProducerType.Multi, inboundSlots, new YieldingWaitStrategy());
            Inbound.AddGatingSequences(Loop);
            Outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, outboundSlots, new YieldingWaitStrategy());
            Inputs = new VenueInputs(Outbound, Inbound, Loop);
        }

        public RingBuffer<InboundEvent> Inbound { get; }

        public RingBuffer<OrderCommand> Outbound { get; }

        public Sequence Loop { get; } = new();

        public VenueInputs Inputs { get; }

        /// <summary>A market event (its order id is its sequence), or else an execution report.</summary>
        public void PublishEvent(bool market)
        {
            long sequence = Inbound.Next();
            Inbound[sequence] = market
                ? new InboundEvent { Kind = InboundKind.MarketData, Market = new MarketDataEvent { Kind = MarketDataKind.Add, OrderId = sequence } }
                : new InboundEvent { Kind = InboundKind.Execution };
            Inbound.Publish(sequence);
        }

        public void PublishCommand(long origin)
        {
            long sequence = Outbound.Next();
            Outbound[sequence] = new OrderCommand { Kind = OrderCommandKind.New, OriginSequence = origin };
            Outbound.Publish(sequence);
        }
    }

    /// <summary>Logs "M{order id}" per market event and "C{origin}" per command.</summary>
    private sealed class RecordingVenue : IVenueHandler, IExecutionSink
    {
        public List<string> Log { get; } = [];

        public void OnCommand(ref OrderCommand command, IExecutionSink reports) => Log.Add($"C{command.OriginSequence}");

        public void OnMarket(in MarketDataEvent market, IExecutionSink reports) => Log.Add($"M{market.OrderId}");

        public void OnIdle(IExecutionSink reports)
        {
        }

        public void Publish(in ExecutionReport report)
        {
        }
    }
}
