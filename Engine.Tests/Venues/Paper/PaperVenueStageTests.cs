using System.Runtime.InteropServices;
using CsCheck;
using Engine.Book;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Venues;
using Engine.Risk;
using Engine.Venues.Paper;
using Feeds;

namespace Engine.Tests.Venues.Paper;

/// <summary>
/// The paper venue as a stage of the loop, matching against the loop's books around their update:
/// the same reports, in the same order, as a matcher that keeps its own books and is handed each
/// market event and then the commands that came from it.
/// </summary>
public sealed class PaperVenueStageTests
{
    private const int Steps = 3_000;

    [Test]
    public void Stage_AnySession_GivesTheReportsOfAMatcherWithItsOwnBooks()
    {
        Gen.Select(Gen.Int[1, 1_000_000], Gen.Int[0, 3]).Sample((seed, latencies) =>
        {
            var options = SyntheticOrderFlow.Options(entryLatencyUs: (latencies & 1) * 50, reportLatencyUs: (latencies >> 1) * 20);
            var expected = OwnBooks(options, seed);
            var actual = OnTheLoop(options, seed);
            return expected.Count > 100
                && MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(actual)).SequenceEqual(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(expected)));
        }, iter: 40);
    }

    [Test]
    public void TakeCommands_WrittenByTheRouter_AreMatchedAndTheirReportsGoIntoTheInboundRing()
    {
        var loop = new Loop(new PaperVenueOptions());
        loop.Market(new MarketDataEvent { Kind = MarketDataKind.LevelSet, Side = Side.Sell, PriceTicks = 101, Quantity = 300, TsEventNs = 1_000 });
        loop.Write(new OrderCommand { Kind = OrderCommandKind.New, ClientOrderId = 7, Side = Side.Buy, Type = OrderType.Limit, TimeInForce = TimeInForce.Ioc, Quantity = 100, LimitPriceTicks = 101, OriginEventNs = 1_000 });

        loop.Stage.TakeCommands();

        Assert.That(loop.Reports().Select(r => (r.Kind, r.LastQuantity)), Is.EqualTo(new[] { (ExecutionKind.Accepted, 0L), (ExecutionKind.Fill, 100L) }));
        Assert.That(loop.Inbound[0].Kind, Is.EqualTo(InboundKind.Execution));
        Assert.That(loop.Books[0].QuantityAt(Side.Sell, 101), Is.EqualTo(300), "our fill is the venue's to remember; the market's book is the market's");
    }

    /// <summary>A matcher with its own books: each market event, then the command that came from it.</summary>
    private static List<ExecutionReport> OwnBooks(PaperVenueOptions options, int seed)
    {
        var matcher = new PaperMatcher(options, new OrderBooks(SyntheticOrderFlow.Books));
        var flow = new SyntheticOrderFlow(Steps / 8, seed);
        var sink = new RecordingExecutionSink();
        for (int i = 0; i < Steps; i++)
        {
            flow.Step(matcher, sink);
        }
        return [.. sink.Reports];
    }

    /// <summary>The stage over the loop's books: around each update, then the router's command through the outbound ring; reports read from the inbound ring.</summary>
    private static List<ExecutionReport> OnTheLoop(PaperVenueOptions options, int seed)
    {
        var loop = new Loop(options);
        var flow = new SyntheticOrderFlow(Steps / 8, seed);
        var reports = new List<ExecutionReport>();
        for (int i = 0; i < Steps; i++)
        {
            loop.Market(flow.NextMarket());
            if (flow.TryNextCommand(loop.Books, out var command))
            {
                loop.Write(command);
            }
            loop.Stage.TakeCommands();
            loop.Stage.EndBatch();
            reports.AddRange(loop.Reports());
        }
        return reports;
    }

    /// <summary>The loop's side of the paper venue: its books, the outbound ring the router writes, the inbound ring the reports go into.</summary>
    private sealed class Loop
    {
        private readonly RingBuffer<OrderCommand> _outbound = RingBuffer<OrderCommand>.Create(ProducerType.Single, 16, new YieldingWaitStrategy());
        private readonly Sequence _read = new();

        public Loop(PaperVenueOptions options)
        {
            Inbound.AddGatingSequences(_read);
            Books = new OrderBooks(SyntheticOrderFlow.Books);
            Stage = new PaperVenueStage(new PaperVenueHandler(new PaperMatcher(options, Books)), new VenueInputs(_outbound), new BufferedExecutionSink(Inbound, 64));
        }

        public RingBuffer<InboundEvent> Inbound { get; } = RingBuffer<InboundEvent>.Create(ProducerType.Multi, 1_024, new YieldingWaitStrategy());

        public OrderBooks Books { get; }

        public PaperVenueStage Stage { get; }

        public void Market(MarketDataEvent e)
        {
            Stage.BeforeBook(in e);
            Books.Apply(in e);
            Stage.AfterBook(in e);
        }

        public void Write(OrderCommand command)
        {
            long sequence = _outbound.Next();
            _outbound[sequence] = command;
            _outbound.Publish(sequence);
        }

        /// <summary>The reports published since the last call.</summary>
        public List<ExecutionReport> Reports()
        {
            var reports = new List<ExecutionReport>();
            for (long s = _read.Value + 1; s <= Inbound.Cursor; s++)
            {
                reports.Add(Inbound[s].Execution);
            }
            _read.SetValue(Inbound.Cursor);
            return reports;
        }
    }
}
