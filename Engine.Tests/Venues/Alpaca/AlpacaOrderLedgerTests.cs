using CsCheck;
using Engine.Orders;
using Engine.Tests.Alpaca;
using Engine.Tests.Support;
using Engine.Venues.Alpaca;
using Feeds;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>The ledger: cumulative quantities, prices, finality and its bound.</summary>
public sealed class AlpacaOrderLedgerTests
{
    private RecordingExecutionSink _sink = null!;
    private CapturingLogger _logger = null!;

    [SetUp]
    public void SetUp()
    {
        _sink = new RecordingExecutionSink();
        _logger = new CapturingLogger();
    }

    /// <summary>An AAPL buy of 100 with <paramref name="filled"/> done at an average of <paramref name="averageTicks"/> ticks (at 4 + 6 places).</summary>
    private static AlpacaOrderState Order(long id, long filled, long averageTicks = 0, long quantity = 100) =>
        new(id, AlpacaTestData.Aapl, 4, Side.Buy, quantity, filled, averageTicks * 1_000_000, 6);

    [Test]
    public void Apply_StatusAfterTheOrderIsFinal_IsSuppressedButALateFillIsStillReported()
    {
        var ledger = new AlpacaOrderLedger(16, _sink, _logger);
        ledger.Apply(Order(1, 0), ExecutionKind.Canceled, VenueRejectReason.None, 0, 0, 0);

        ledger.Apply(Order(1, 0), ExecutionKind.Canceled, VenueRejectReason.None, 0, 0, 0);
        ledger.Apply(Order(1, 10, 1_000_000), ExecutionKind.None, VenueRejectReason.None, 1_000_000, 10, 0);

        Assert.That(_sink.Reports.Select(r => (r.Kind, r.LastQuantity)), Is.EqualTo(new[] { (ExecutionKind.Canceled, 0L), (ExecutionKind.PartialFill, 10L) }));
        Assert.That(ledger.StatusesAfterFinal, Is.EqualTo(1));
    }

    [Test]
    public void Apply_FillWithoutAnyPrice_PublishesNothingAndRemembersNothingSoALaterEventReportsIt()
    {
        var ledger = new AlpacaOrderLedger(16, _sink, _logger);

        ledger.Apply(Order(1, 10), ExecutionKind.None, VenueRejectReason.None, 0, 10, 0);
        ledger.Apply(Order(1, 10, 1_200_000), ExecutionKind.None, VenueRejectReason.None, 0, 0, 0);

        Assert.That(ledger.Unpriced, Is.EqualTo(1));
        Assert.That(_sink.Reports.Select(r => (r.LastQuantity, r.LastPriceTicks)), Is.EqualTo(new[] { (10L, 1_200_000L) }));
    }

    [Test]
    public void Seed_WithTheEnginesFilledQuantity_ReportsOnlyTheRiseBeyondItAndNeverLowers()
    {
        var ledger = new AlpacaOrderLedger(16, _sink, _logger);
        ledger.Seed(1, 30, (Int128)30 * 1_000_000);
        ledger.Seed(1, 10, 0);

        ledger.Apply(Order(1, 50, 1_010_000), ExecutionKind.None, VenueRejectReason.None, 0, 0, 0);

        var fill = _sink.Reports.Single();
        Assert.That((fill.LastQuantity, fill.CumulativeQuantity, fill.LeavesQuantity), Is.EqualTo((20L, 50L, 50L)));
        Assert.That(fill.LastPriceTicks, Is.EqualTo(1_025_000), "(101 x 50 - 100 x 30) / 20 = 102.5");
        Assert.That(ledger.TryGetReported(1, out long reported) && reported == 50, Is.True);
    }

    [Test]
    public void Apply_BeyondTheBound_ForgetsFinishedOrdersFirstAndLiveOnesOnlyWhenNoneIsFinished()
    {
        var ledger = new AlpacaOrderLedger(2, _sink, _logger);
        ledger.Apply(Order(1, 0), ExecutionKind.Accepted, VenueRejectReason.None, 0, 0, 0);
        ledger.Apply(Order(2, 0), ExecutionKind.Canceled, VenueRejectReason.None, 0, 0, 0);

        ledger.Apply(Order(3, 0), ExecutionKind.Accepted, VenueRejectReason.None, 0, 0, 0);
        Assert.That((ledger.TryGetReported(1, out _), ledger.TryGetReported(2, out _), ledger.FinishedEvictions), Is.EqualTo((true, false, 1L)));

        ledger.Apply(Order(4, 0), ExecutionKind.Accepted, VenueRejectReason.None, 0, 0, 0);
        ledger.Apply(Order(5, 0), ExecutionKind.Accepted, VenueRejectReason.None, 0, 0, 0);

        Assert.That((ledger.Count, ledger.LiveEvictions), Is.EqualTo((2, 2L)));
        Assert.That((ledger.TryGetReported(1, out _), ledger.TryGetReported(3, out _)), Is.EqualTo((false, false)), "the oldest live ones went");
        Assert.That(_logger.CountAt(LogLevel.Error), Is.EqualTo(1), "logged once");
    }

    [Test]
    public void Apply_ManyFinishedOrdersThroughASmallBound_StaysBounded()
    {
        var ledger = new AlpacaOrderLedger(16, _sink, _logger);

        for (long id = 1; id <= 10_000; id++)
        {
            ledger.Apply(Order(id, 100, 1_000_000), ExecutionKind.None, VenueRejectReason.None, 1_000_000, 100, 0);
        }

        Assert.That((ledger.Count, ledger.Fills, ledger.LiveEvictions), Is.EqualTo((16, 10_000L, 0L)));
    }

    [Test]
    public void Apply_FillEventsRepeatedReorderedAndPartlyLost_ReportEveryShareExactlyOnceAtTheTrueValue()
    {
        // Fill sizes; the venue's event stream repeats some, drops some and delivers some late; the stream and a
        // reconciliation interleave. Whatever arrives, the reports add up to the final filled_qty and its value.
        Gen.Select(Gen.Int[1, 50].Array[1, 12], Gen.Int[0, 3].Array[40], Gen.Int[0, 1000]).Sample((sizes, fate, seed) =>
        {
            var sink = new RecordingExecutionSink();
            var ledger = new AlpacaOrderLedger(16, sink, new CapturingLogger());
            long total = sizes.Sum();
            var events = new List<(long Cumulative, long Average, long Price, long Quantity)>();
            long cumulative = 0;
            Int128 value = 0;
            for (int i = 0; i < sizes.Length; i++)
            {
                long price = 1_000_000 + (i * 100);
                cumulative += sizes[i];
                value += (Int128)sizes[i] * price;
                // The average at 10 extra places, as Alpaca would print it rounded: exact here because the test keeps whole ticks.
                long average = (long)(value * 1_000_000 / cumulative);
                events.Add((cumulative, average, price, sizes[i]));
            }
            var random = new Random(seed);
            var delivered = new List<(long Cumulative, long Average, long Price, long Quantity)>();
            for (int i = 0; i < events.Count; i++)
            {
                switch (fate[i % fate.Length])
                {
                    case 0: delivered.Add(events[i]); break;                                   // once
                    case 1: delivered.Add(events[i]); delivered.Add(events[i]); break;         // repeated
                    case 2: break;                                                             // lost
                    default: delivered.Insert(random.Next(delivered.Count + 1), events[i]); break; // late, anywhere
                }
            }
            delivered.Add(events[^1]); // the final state always arrives in the end (the stream or a reconciliation)
            foreach (var (cum, average, price, quantity) in delivered)
            {
                var state = new AlpacaOrderState(1, AlpacaTestData.Aapl, 4, Side.Buy, total, cum, average, 6);
                ledger.Apply(in state, ExecutionKind.None, VenueRejectReason.None, price, quantity, 0);
            }
            var fills = sink.Reports;
            Assert.That(fills.Sum(f => f.LastQuantity), Is.EqualTo(total));
            Assert.That(fills.Select(f => f.CumulativeQuantity), Is.Ordered.Ascending);
            Int128 reportedValue = 0;
            foreach (var f in fills)
            {
                reportedValue += (Int128)f.LastQuantity * f.LastPriceTicks;
            }
            Assert.That(Int128.Abs(reportedValue - value), Is.LessThanOrEqualTo((Int128)fills.Count * total), "off by at most half a tick per fill");
            Assert.That(fills[^1].Kind, Is.EqualTo(ExecutionKind.Fill));
        });
    }
}
