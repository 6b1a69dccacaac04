using Engine.Orders;
using Engine.Risk;
using Engine.Tests.Alpaca;
using Engine.Tests.Support;
using Engine.Venues.Alpaca;
using Feeds;
using Feeds.Transport;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>The gateway's handler against an in-memory venue, driven by direct OnCommand and OnIdle calls.</summary>
public sealed class AlpacaVenueHandlerTests
{
    private FakeTradingApi _api = null!;
    private RecordingExecutionSink _sink = null!;
    private QueuedExecutionSink _queue = null!;
    private AlpacaVenueHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _api = new FakeTradingApi();
        _sink = new RecordingExecutionSink();
        _queue = new QueuedExecutionSink();
        var logger = new CapturingLogger();
        var instruments = AlpacaTestData.Instruments();
        var ledger = new AlpacaOrderLedger(64, _queue, logger);
        _handler = new AlpacaVenueHandler(_api, new AlpacaReconciler(_api, ledger, instruments, logger), ledger, _queue, instruments, logger);
    }

    [Test]
    public void OnCommand_NewWhileTheStreamIsDown_IsHeldNotSent()
    {
        var command = NewLimit(1);
        _handler.OnCommand(ref command, _sink);

        Assert.That((_handler.Held, _handler.HeldTotal, _api.Placed.Count, _handler.IsReady), Is.EqualTo((1, 1L, 0, false)));
    }

    [Test]
    public void OnIdle_StreamUpAndReconciled_SendsHeldOrdersInOrder()
    {
        Hold(NewLimit(1), NewLimit(2));
        _api.PlaceAnswers.Enqueue(Accepted(1));
        _api.PlaceAnswers.Enqueue(Accepted(2));

        StreamUp();

        Assert.That(_handler.IsReady, Is.True);
        Assert.That(_api.Placed.Select(p => p.ClientOrderId), Is.EqualTo(new[] { "eng-1", "eng-2" }));
        Assert.That(_sink.Reports.Select(r => (r.Kind, r.ClientOrderId)), Is.EqualTo(new[] { (ExecutionKind.Accepted, 1L), (ExecutionKind.Accepted, 2L) }));
        Assert.That(_handler.Held, Is.Zero);
    }

    [Test]
    public void OnCommand_Ready_MapsTheCommandToAlpacasRequest()
    {
        StreamUp();
        _api.PlaceAnswers.Enqueue(Accepted(7));

        var command = NewLimit(7);
        _handler.OnCommand(ref command, _sink);

        Assert.That(_api.Placed.Single(), Is.EqualTo(new AlpacaOrderRequest("AAPL", "10", "buy", "limit", "gtc", "eng-7", LimitPrice: "126.55")));
        Assert.That(_sink.Reports.Single().Kind, Is.EqualTo(ExecutionKind.Accepted));
    }

    [Test]
    public void OnCommand_Refused_IsRejectedWithTheTypedReason()
    {
        StreamUp();
        _api.PlaceAnswers.Enqueue(new AlpacaOrderResult(AlpacaOutcome.Refused, Error: new AlpacaError(403, 40310000, "insufficient buying power", VenueRejectReason.InsufficientBuyingPower)));

        var command = NewLimit(3);
        _handler.OnCommand(ref command, _sink);

        var report = _sink.Reports.Single();
        Assert.That((report.Kind, report.Reject, report.ClientOrderId), Is.EqualTo((ExecutionKind.Rejected, VenueRejectReason.InsufficientBuyingPower, 3L)));
    }

    [Test]
    public void OnIdle_UnknownOutcomeAndTheVenueHasNoSuchOrder_RejectedAsVenueUnavailableWithoutResending()
    {
        StreamUp();
        _api.PlaceAnswers.Enqueue(new AlpacaOrderResult(AlpacaOutcome.Unknown, Error: new AlpacaError(0, 0, "timed out", VenueRejectReason.VenueUnavailable)));
        var command = NewLimit(4);
        _handler.OnCommand(ref command, _sink);
        Assert.That(_sink.Count, Is.Zero, "nothing is known yet");

        _handler.OnIdle(_sink);

        var report = _sink.Reports.Single();
        Assert.That((report.Kind, report.Reject), Is.EqualTo((ExecutionKind.Rejected, VenueRejectReason.VenueUnavailable)));
        Assert.That((_api.Placed.Count, _api.Lookups.Single(), _handler.Unknown), Is.EqualTo((1, "eng-4", 1L)));
    }

    [Test]
    public void OnIdle_UnknownOutcomeAndTheVenueHasTheOrder_ReportsItsState()
    {
        StreamUp();
        _api.PlaceAnswers.Enqueue(new AlpacaOrderResult(AlpacaOutcome.Unknown));
        var command = NewLimit(5);
        _handler.OnCommand(ref command, _sink);
        _api.Add(5, "partially_filled", filledQty: "4", filledAvgPrice: "126.5", qty: "10");

        _handler.OnIdle(_sink);

        Assert.That(_sink.Reports.Select(r => (r.Kind, r.LastQuantity, r.LastPriceTicks)),
            Is.EqualTo(new[] { (ExecutionKind.PartialFill, 4L, 1_265_000L), (ExecutionKind.Accepted, 0L, 0L) }));
        Assert.That(_api.Placed, Has.Count.EqualTo(1));
    }

    [Test]
    public void OnIdle_LookupFails_StaysUnresolvedAndReportsNothing()
    {
        StreamUp();
        _api.PlaceAnswers.Enqueue(new AlpacaOrderResult(AlpacaOutcome.Unknown));
        var command = NewLimit(6);
        _handler.OnCommand(ref command, _sink);
        _api.LookupFailures = 1;

        _handler.OnIdle(_sink);

        Assert.That((_sink.Count, _api.Lookups.Count, _api.Placed.Count), Is.EqualTo((0, 1, 1)));
    }

    [Test]
    public void OnCommand_CancelOfAHeldOrder_CanceledHereWithoutARequest()
    {
        Hold(NewLimit(8));
        var cancel = new OrderCommand { Kind = OrderCommandKind.Cancel, ClientOrderId = 8, InstrumentId = AlpacaTestData.Aapl, Side = Side.Buy };

        _handler.OnCommand(ref cancel, _sink);

        Assert.That(_sink.Reports.Single().Kind, Is.EqualTo(ExecutionKind.Canceled));
        Assert.That((_handler.Held, _api.Cancels.Count), Is.EqualTo((0, 0)));
    }

    [Test]
    public void OnCommand_CancelRefusedAsNotCancelable_IsCancelRejected()
    {
        StreamUp();
        _api.PlaceAnswers.Enqueue(Accepted(9));
        var command = NewLimit(9);
        _handler.OnCommand(ref command, _sink);
        _api.CancelAnswers.Enqueue(new AlpacaCancelResult(AlpacaOutcome.Refused, new AlpacaError(422, 42210000, "order is not cancelable", VenueRejectReason.NotCancelable)));
        var cancel = new OrderCommand { Kind = OrderCommandKind.Cancel, ClientOrderId = 9, InstrumentId = AlpacaTestData.Aapl, Side = Side.Buy };

        _handler.OnCommand(ref cancel, _sink);

        var report = _sink.Reports[^1];
        Assert.That((report.Kind, report.Reject, report.LeavesQuantity), Is.EqualTo((ExecutionKind.CancelRejected, VenueRejectReason.NotCancelable, 10L)));
        Assert.That(_api.Cancels.Single(), Is.EqualTo("eng-9"));
    }

    [Test]
    public void ReconcileAtStartUp_VenueHoldsAPosition_ReportedAsAFillOfNoKnownOrder()
    {
        _api.Positions.Add(new AlpacaPosition { Symbol = "AAPL", Qty = "-25", AvgEntryPrice = "126.5", Side = "short" });

        Assert.That(_handler.ReconcileAtStartUp(CancellationToken.None), Is.True);
        _handler.OnIdle(_sink);

        var fill = _sink.Reports.Single();
        Assert.That((fill.Kind, fill.ClientOrderId, fill.Side, fill.LastQuantity, fill.LastPriceTicks), Is.EqualTo((ExecutionKind.Fill, 0L, Side.Sell, 25L, 1_265_000L)));
        StreamUp();
        Assert.That(_sink.Count, Is.EqualTo(1), "adopted once, not again after the stream came up");
    }

    private void StreamUp()
    {
        _handler.OnStreamStateChanged(null, new AlpacaStreamStateChangedEventArgs(true, DisconnectReason.Stopped, 1));
        _handler.OnIdle(_sink);
    }

    private void Hold(params OrderCommand[] commands)
    {
        for (int i = 0; i < commands.Length; i++)
        {
            _handler.OnCommand(ref commands[i], _sink);
        }
    }

    private static OrderCommand NewLimit(long id) => new()
    {
        Kind = OrderCommandKind.New,
        ClientOrderId = id,
        InstrumentId = AlpacaTestData.Aapl,
        Side = Side.Buy,
        Type = OrderType.Limit,
        TimeInForce = TimeInForce.Gtc,
        Quantity = 10,
        LimitPriceTicks = 1_265_500,
    };

    private static AlpacaOrderResult Accepted(long id) => new(AlpacaOutcome.Ok, new AlpacaOrder
    {
        Id = Guid.NewGuid().ToString(),
        ClientOrderId = ClientOrderIds.Format(id),
        Symbol = "AAPL",
        Qty = "10",
        Side = "buy",
        Type = "limit",
        TimeInForce = "gtc",
        Status = "new",
    });
}
