using Engine.Orders;
using Engine.Tests.Alpaca;
using Engine.Tests.Support;
using Engine.Venues.Alpaca;
using Feeds;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>The reconciler against an in-memory venue.</summary>
public sealed class AlpacaReconcilerTests
{
    private FakeTradingApi _api = null!;
    private RecordingExecutionSink _sink = null!;
    private CapturingLogger _logger = null!;
    private AlpacaOrderLedger _ledger = null!;
    private AlpacaReconciler _reconciler = null!;

    [SetUp]
    public void SetUp()
    {
        _api = new FakeTradingApi();
        _sink = new RecordingExecutionSink();
        _logger = new CapturingLogger();
        _ledger = new AlpacaOrderLedger(64, _sink, _logger);
        _reconciler = new AlpacaReconciler(_api, _ledger, AlpacaTestData.Instruments(), _logger);
    }

    private static EngineOrderView Buy(long id, long filled = 0, long filledPriceTicks = 0, long quantity = 100, int instrument = AlpacaTestData.Aapl) =>
        new(id, instrument, Side.Buy, quantity, filled, (Int128)filled * filledPriceTicks);

    private Task<AlpacaReconcileResult> Reconcile(EngineOrderView[] orders, params EnginePositionView[] positions) =>
        _reconciler.ReconcileAsync(orders, positions, CancellationToken.None);

    [Test]
    public async Task Reconcile_FillMissedWhileTheStreamWasDown_IsReportedAsTheCumulativeDelta()
    {
        _api.Add(1, "partially_filled", filledQty: "60", filledAvgPrice: "126.3");
        _api.Positions.Add(new AlpacaPosition { Symbol = "AAPL", Qty = "60", Side = "long" });

        var result = await Reconcile([Buy(1, filled: 20, filledPriceTicks: 1_260_000)], new EnginePositionView(AlpacaTestData.Aapl, 20));

        var fill = result.Reports.Single();
        Assert.That((fill.Kind, fill.ClientOrderId, fill.LastQuantity, fill.CumulativeQuantity, fill.LeavesQuantity),
            Is.EqualTo((ExecutionKind.PartialFill, 1L, 40L, 60L, 40L)));
        Assert.That(fill.LastPriceTicks, Is.EqualTo(1_264_500), "(126.3 x 60 - 126 x 20) / 40");
        Assert.That(result.Differences, Is.Empty, "the engine's 20 plus the 40 reported match the venue's 60");
        Assert.That(result.Complete, Is.True);
        Assert.That(_sink.Reports, Is.EqualTo(result.Reports), "published as well as returned");
    }

    [Test]
    public async Task Reconcile_CancelAndExpiryMissed_AreReportedAfterTheFillsBeforeThem()
    {
        _api.Add(2, "canceled", filledQty: "30", filledAvgPrice: "126.55");
        _api.Add(3, "expired");
        _api.Add(4, "filled", filledQty: "100", filledAvgPrice: "126.5");
        _api.Positions.Add(new AlpacaPosition { Symbol = "AAPL", Qty = "130", Side = "long" });

        var result = await Reconcile([Buy(2), Buy(3), Buy(4)]);

        Assert.That(result.Reports.Select(r => (r.ClientOrderId, r.Kind, r.LastQuantity, r.LeavesQuantity)), Is.EqualTo(new[]
        {
            (2L, ExecutionKind.PartialFill, 30L, 0L),
            (2L, ExecutionKind.Canceled, 0L, 0L),
            (3L, ExecutionKind.Expired, 0L, 0L),
            (4L, ExecutionKind.Fill, 100L, 0L),
        }));
        Assert.That(result.Differences, Is.Empty);
        Assert.That(_api.Lookups, Is.EqualTo(new[] { "eng-2", "eng-3", "eng-4" }));
    }

    [Test]
    public async Task Reconcile_VenueOrdersTheEngineDoesNotKnow_AreReportedAsUnknownOrForeign()
    {
        _api.Add(99, "new");
        _api.Add("manual-7", "new", symbol: "AMD");

        var result = await Reconcile([]);

        Assert.That(result.Reports, Is.Empty);
        Assert.That(result.Differences.Select(d => (d.Kind, d.ClientOrderId, d.VenueQuantity)), Is.EquivalentTo(new[]
        {
            (AlpacaDifferenceKind.UnknownVenueOrder, "eng-99", 100L),
            (AlpacaDifferenceKind.ForeignVenueOrder, "manual-7", 100L),
        }));
    }

    [Test]
    public async Task Reconcile_OurVenueOrderUnknownToTheEngine_OnlyItsLaterFillsAreReported()
    {
        _api.Add(99, "partially_filled", filledQty: "40", filledAvgPrice: "126.5");
        await Reconcile([]);

        var state = new AlpacaOrderState(99, AlpacaTestData.Aapl, 4, Side.Buy, 100, 70, 1_265_500_000_000, 6);
        _ledger.Apply(in state, ExecutionKind.None, VenueRejectReason.None, 1_266_000, 30, 0);

        Assert.That(_sink.Reports.Select(r => (r.ClientOrderId, r.LastQuantity, r.LastPriceTicks)), Is.EqualTo(new[] { (99L, 30L, 1_266_000L) }));
    }

    [Test]
    public async Task Reconcile_EngineOrderTheVenueNeverHad_IsReportedAndLeftAlone()
    {
        var result = await Reconcile([Buy(5)]);

        Assert.That(result.Reports, Is.Empty);
        var difference = result.Differences.Single();
        Assert.That((difference.Kind, difference.ClientOrderId, difference.Symbol), Is.EqualTo((AlpacaDifferenceKind.MissingAtVenue, "eng-5", "AAPL")));
        Assert.That(_logger.Entries.Any(e => e.Message.Contains("MissingAtVenue", StringComparison.Ordinal)), Is.True, "differences are logged");
    }

    [Test]
    public async Task Reconcile_PositionsThatDiffer_AreReportedPerInstrument()
    {
        _api.Positions.Add(new AlpacaPosition { Symbol = "AMD", Qty = "40", Side = "long" });
        _api.Positions.Add(new AlpacaPosition { Symbol = "TSLA", Qty = "-5", Side = "short" });
        _api.Positions.Add(new AlpacaPosition { Symbol = "AAPL", Qty = "-10", Side = "short" });

        var result = await Reconcile([], new EnginePositionView(AlpacaTestData.Amd, 50), new EnginePositionView(AlpacaTestData.Spy, 10),
            new EnginePositionView(AlpacaTestData.Aapl, -10));

        Assert.That(result.Differences.Select(d => (d.Kind, d.Symbol, d.EngineQuantity, d.VenueQuantity)), Is.EquivalentTo(new[]
        {
            (AlpacaDifferenceKind.PositionMismatch, "AMD", 50L, 40L),
            (AlpacaDifferenceKind.UnknownSymbol, "TSLA", 0L, -5L),
            (AlpacaDifferenceKind.PositionMismatch, "SPY", 10L, 0L),
        }));
    }

    [Test]
    public async Task Reconcile_AfterTheStreamReportedTheSameFill_ReportsNothingMore()
    {
        _api.Add(6, "partially_filled", filledQty: "50", filledAvgPrice: "126.55");
        var state = new AlpacaOrderState(6, AlpacaTestData.Aapl, 4, Side.Buy, 100, 50, 1_265_500_000_000, 6);
        _ledger.Apply(in state, ExecutionKind.None, VenueRejectReason.None, 1_265_500, 50, 0);

        // The engine has not applied the streamed fill yet: its view still says 0 filled.
        var result = await Reconcile([Buy(6)]);

        Assert.That(result.Reports, Is.Empty);
        Assert.That(_sink.Reports.Sum(r => r.LastQuantity), Is.EqualTo(50));
    }

    [Test]
    public async Task Reconcile_OrderWhoseSideDiffers_IsReportedAndNotTouched()
    {
        _api.Add(8, "partially_filled", filledQty: "10", filledAvgPrice: "126.55", side: "sell");

        var result = await Reconcile([Buy(8)]);

        Assert.That(result.Reports, Is.Empty);
        Assert.That(result.Differences.Single().Kind, Is.EqualTo(AlpacaDifferenceKind.OrderMismatch));
    }

    [Test]
    public async Task Reconcile_OpenOrdersCannotBeRead_IsIncompleteAndPublishesNothing()
    {
        _api.Add(1, "partially_filled", filledQty: "60", filledAvgPrice: "126.3");
        _api.OpenOrdersFailure = new AlpacaError(503, 0, "unavailable", VenueRejectReason.VenueUnavailable);

        var result = await Reconcile([Buy(1)]);

        Assert.That((result.Complete, result.Reports.Count, result.Error?.HttpStatus), Is.EqualTo((false, 0, 503)));
        Assert.That(_sink.Reports, Is.Empty);
    }
}
