using System.Text;
using CsCheck;
using System.Text.Json;
using Engine.Orders;
using Engine.Tests.Alpaca;
using Engine.Tests.Support;
using Engine.Venues.Alpaca;
using Feeds;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>The trade_updates protocol driven message by message, without sockets.</summary>
public sealed class AlpacaTradeUpdatesTests
{
    private const long Id = 1_700_000_000_000_000_001;

    private static readonly string s_id = TradeUpdateFrames.Id(Id);

    private sealed class Harness
    {
        public Harness()
        {
            Ledger = new AlpacaOrderLedger(64, Sink, Logger);
            Updates = new AlpacaTradeUpdates(new AlpacaTradeUpdatesOptions(), Credentials(), AlpacaTestData.Instruments(), Ledger, Logger);
            Updates.StateChanged += (_, e) => Changes.Add(e);
        }

        public RecordingExecutionSink Sink { get; } = new();

        public CapturingLogger Logger { get; } = new();

        public AlpacaOrderLedger Ledger { get; }

        public AlpacaTradeUpdates Updates { get; }

        public ScriptedConnection Connection { get; } = new();

        public List<AlpacaStreamStateChangedEventArgs> Changes { get; } = [];

        public void Receive(string frame) => Updates.OnMessage(Connection, Encoding.UTF8.GetBytes(frame), 0);

        public Harness Up()
        {
            Updates.OnConnected(Connection);
            Receive(TradeUpdateFrames.Authorized);
            Receive(TradeUpdateFrames.Listening);
            return this;
        }
    }

    internal static ApiCredentials Credentials(string secret = FakeTradeUpdatesServer.Secret) =>
        ApiCredentials.FromEnvironment("APCA_API_KEY_ID", "APCA_API_SECRET_KEY",
            name => name == "APCA_API_KEY_ID" ? FakeTradeUpdatesServer.KeyId : name == "APCA_API_SECRET_KEY" ? secret : null);

    [Test]
    public void Handshake_AuthorizedThenListening_AuthenticatesListensAndComesUp()
    {
        var h = new Harness();

        h.Updates.OnConnected(h.Connection);
        Assert.That(h.Updates.State, Is.EqualTo(AlpacaTradeUpdatesState.Authenticating));
        h.Receive(TradeUpdateFrames.Authorized);
        Assert.That(h.Updates.IsUp, Is.False, "not up before listening is confirmed");
        h.Receive(TradeUpdateFrames.Listening);

        using var auth = JsonDocument.Parse(h.Connection.Sent[0]);
        Assert.That(auth.RootElement.GetProperty("action").GetString(), Is.EqualTo("authenticate"));
        Assert.That(auth.RootElement.GetProperty("data").GetProperty("key_id").GetString(), Is.EqualTo(FakeTradeUpdatesServer.KeyId));
        Assert.That(auth.RootElement.GetProperty("data").GetProperty("secret_key").GetString(), Is.EqualTo(FakeTradeUpdatesServer.Secret));
        Assert.That(h.Connection.Sent[1], Is.EqualTo("""{"action":"listen","data":{"streams":["trade_updates"]}}"""));
        Assert.That((h.Updates.IsUp, h.Updates.State, h.Connection.Established), Is.EqualTo((true, AlpacaTradeUpdatesState.Streaming, true)));
        Assert.That(h.Changes.Select(c => (c.IsUp, c.UpCount)), Is.EqualTo(new[] { (true, 1L) }));
    }

    [Test]
    public void Authorization_Unauthorized_CountsLogsWithoutCredentialsAndReconnects()
    {
        var h = new Harness();
        h.Updates.OnConnected(h.Connection);

        h.Receive(TradeUpdateFrames.Unauthorized);

        Assert.That((h.Updates.Unauthorized, h.Connection.ReconnectRequests, h.Updates.IsUp), Is.EqualTo((1L, 1, false)));
        Assert.That(h.Connection.Sent, Has.Count.EqualTo(1), "no listen after a refusal");
        Assert.That(h.Logger.CountAt(LogLevel.Error), Is.EqualTo(1));
        foreach (var entry in h.Logger.Entries)
        {
            Assert.That(entry.Message, Does.Not.Contain(FakeTradeUpdatesServer.Secret).And.Not.Contain(FakeTradeUpdatesServer.KeyId));
        }
    }

    [Test]
    public void Listening_WithoutTradeUpdates_CountsAndReconnectsWithoutComingUp()
    {
        var h = new Harness();
        h.Updates.OnConnected(h.Connection);
        h.Receive(TradeUpdateFrames.Authorized);

        h.Receive(TradeUpdateFrames.ListeningToNothing);

        Assert.That((h.Updates.ListenRefused, h.Connection.ReconnectRequests, h.Updates.IsUp, h.Changes.Count), Is.EqualTo((1L, 1, false, 0)));
    }

    [Test]
    public void OnDisconnected_AfterUp_GoesDownWithTheReasonOnce()
    {
        var h = new Harness().Up();

        h.Updates.OnDisconnected(DisconnectReason.Lost);
        h.Updates.OnDisconnected(DisconnectReason.ConnectFailed);

        Assert.That(h.Updates.IsUp, Is.False);
        Assert.That(h.Changes.Select(c => (c.IsUp, c.Reason)), Is.EqualTo(new[] { (true, DisconnectReason.Stopped), (false, DisconnectReason.Lost) }));
        Assert.That((h.Updates.UpCount, h.Updates.DownCount), Is.EqualTo((1L, 1L)));
    }

    [TestCase("new", "new", "0", ExecutionKind.Accepted)]
    [TestCase("pending_new", "pending_new", "0")]
    [TestCase("canceled", "canceled", "0", ExecutionKind.Canceled)]
    [TestCase("expired", "expired", "0", ExecutionKind.Expired)]
    [TestCase("done_for_day", "done_for_day", "0")]
    [TestCase("replaced", "replaced", "0", ExecutionKind.Replaced)]
    [TestCase("rejected", "rejected", "0", ExecutionKind.Rejected)]
    [TestCase("pending_cancel", "pending_cancel", "0", ExecutionKind.PendingCancel)]
    [TestCase("pending_replace", "pending_replace", "0")]
    [TestCase("stopped", "new", "0")]
    [TestCase("calculated", "filled", "0")]
    [TestCase("suspended", "suspended", "0")]
    [TestCase("order_replace_rejected", "new", "0", ExecutionKind.CancelRejected)]
    [TestCase("order_cancel_rejected", "new", "0", ExecutionKind.CancelRejected)]
    [TestCase("partial_fill", "partially_filled", "40", ExecutionKind.PartialFill)]
    [TestCase("fill", "filled", "100", ExecutionKind.Fill)]
    [TestCase("canceled", "canceled", "30", ExecutionKind.PartialFill, ExecutionKind.Canceled)]
    public void Event_OfEachType_IsMappedToItsReports(string eventType, string status, string filledQty, params ExecutionKind[] expected)
    {
        var h = new Harness().Up();
        bool fill = eventType.EndsWith("fill", StringComparison.Ordinal);

        h.Receive(TradeUpdateFrames.Event(eventType, s_id, filledQty: filledQty, status: status, filledAvgPrice: filledQty == "0" ? null : "126.55",
            price: fill ? "126.55" : null, fillQty: fill ? filledQty : null));

        var reports = h.Sink.Reports;
        Assert.That(reports.Select(r => r.Kind), Is.EqualTo(expected));
        Assert.That(h.Updates.EventsOf(AlpacaTradeEvents.Parse(eventType)), Is.EqualTo(1));
        foreach (var r in reports)
        {
            Assert.That((r.ClientOrderId, r.InstrumentId, r.Side), Is.EqualTo((Id, AlpacaTestData.Aapl, Side.Buy)));
            Assert.That(r.VenueTsNs, Is.EqualTo(AlpacaTestData.UnixNs(2022, 4, 19, 17, 45, 5, 24_916_716)));
        }
        if (reports.Count > 0 && reports[0].LastQuantity > 0)
        {
            Assert.That((reports[0].LastQuantity, reports[0].LastPriceTicks, reports[0].CumulativeQuantity), Is.EqualTo((long.Parse(filledQty), 1_265_500L, long.Parse(filledQty))));
        }
        Assert.That(reports.Select(r => r.Reject), Is.EqualTo(reports.Select(r => r.Kind switch
        {
            ExecutionKind.Rejected => VenueRejectReason.Other,
            ExecutionKind.CancelRejected => VenueRejectReason.NotCancelable,
            _ => VenueRejectReason.None,
        })));
    }

    [Test]
    public void PartialFills_WithCumulativeQuantitiesAndARepeatedEvent_ReportEachShareOnce()
    {
        var h = new Harness().Up();

        h.Receive(TradeUpdateFrames.Event("new", s_id));
        h.Receive(TradeUpdateFrames.Event("partial_fill", s_id, filledQty: "30", filledAvgPrice: "126.5", price: "126.5", fillQty: "30", status: "partially_filled"));
        h.Receive(TradeUpdateFrames.Event("partial_fill", s_id, filledQty: "30", filledAvgPrice: "126.5", price: "126.5", fillQty: "30", status: "partially_filled"));
        h.Receive(TradeUpdateFrames.Event("partial_fill", s_id, filledQty: "70", filledAvgPrice: "126.542857", price: "126.575", fillQty: "40", status: "partially_filled"));
        h.Receive(TradeUpdateFrames.Event("fill", s_id, filledQty: "100", filledAvgPrice: "126.55", price: "126.5667", fillQty: "30", status: "filled"));
        h.Receive(TradeUpdateFrames.Event("fill", s_id, filledQty: "100", filledAvgPrice: "126.55", price: "126.5667", fillQty: "30", status: "filled"));

        var fills = h.Sink.Reports.FindAll(r => r.LastQuantity > 0);
        Assert.That(fills.Select(f => (f.Kind, f.LastQuantity, f.LastPriceTicks, f.CumulativeQuantity, f.LeavesQuantity)), Is.EqualTo(new[]
        {
            (ExecutionKind.PartialFill, 30L, 1_265_000L, 30L, 70L),
            (ExecutionKind.PartialFill, 40L, 1_265_750L, 70L, 30L),
            (ExecutionKind.Fill, 30L, 1_265_667L, 100L, 0L),
        }));
        Assert.That(fills.Sum(f => f.LastQuantity), Is.EqualTo(100));
        Assert.That(h.Ledger.DuplicateFills, Is.EqualTo(2));
    }

    [Test]
    public void Fill_AfterAMissedPartialFill_ReportsTheWholeRiseAtThePriceThatMatchesTheAverage()
    {
        var h = new Harness().Up();

        h.Receive(TradeUpdateFrames.Event("partial_fill", s_id, filledQty: "40", filledAvgPrice: "10", price: "10", fillQty: "40", status: "partially_filled"));
        // The partial fill of 30 at 10.30 never arrived; the fill of the last 30 at 10.40 says filled_qty 100, average 10.21.
        h.Receive(TradeUpdateFrames.Event("fill", s_id, filledQty: "100", filledAvgPrice: "10.21", price: "10.4", fillQty: "30", status: "filled"));

        var last = h.Sink.Reports[^1];
        Assert.That((last.Kind, last.LastQuantity, last.CumulativeQuantity), Is.EqualTo((ExecutionKind.Fill, 60L, 100L)));
        Assert.That(last.LastPriceTicks, Is.EqualTo(103_500), "(10.21 x 100 - 10 x 40) / 60 = 10.35: the value of the two fills it stands for");
    }

    [Test]
    public void Messages_Malformed_AreCountedLoggedOncePerKindAndNeverThrow()
    {
        var h = new Harness().Up();
        string[] frames =
        [
            "not json", "{", "[]", "null", """{"stream":"trade_updates"}""", """{"stream":"x","data":{}}""", """{"stream":"x","data":{}}""",
            """{"stream":"trade_updates","data":{"event":"teleported","order":{}}}""",
            """{"stream":"trade_updates","data":{"event":"fill"}}""",
            TradeUpdateFrames.Event("new", "4642fd68-d59a-47d7-a9ac-e22f536828d1"),
            TradeUpdateFrames.Event("new", "manual-order"),
            TradeUpdateFrames.Event("new", s_id, symbol: "TSLA"),
            TradeUpdateFrames.Event("new", s_id, qty: "1.5"),
            TradeUpdateFrames.Event("new", s_id, side: "sideways"),
            TradeUpdateFrames.Event("fill", s_id, filledQty: "100", price: "abc", fillQty: "100"),
            TradeUpdateFrames.Event("new", s_id, timestamp: "yesterday"),
            """{"stream":"trade_updates","data":{"event":"new","order":{"client_order_id":7}}}""",
        ];

        foreach (string frame in frames)
        {
            h.Receive(frame);
        }

        Assert.That(h.Sink.Reports, Is.Empty);
        Assert.That(h.Updates.ProblemsOf(TradeUpdatesProblem.Malformed), Is.EqualTo(10));
        Assert.That(h.Updates.ProblemsOf(TradeUpdatesProblem.UnknownStream), Is.EqualTo(2));
        Assert.That(h.Updates.ProblemsOf(TradeUpdatesProblem.UnknownEvent), Is.EqualTo(1));
        Assert.That(h.Updates.ProblemsOf(TradeUpdatesProblem.Foreign), Is.EqualTo(2));
        Assert.That(h.Updates.ProblemsOf(TradeUpdatesProblem.UnknownSymbol), Is.EqualTo(1));
        Assert.That(h.Updates.ProblemsOf(TradeUpdatesProblem.FractionalQuantity), Is.EqualTo(1));
        Assert.That(h.Updates.IsUp, Is.True, "bad messages do not take the stream down");
        Assert.That(h.Logger.CountAt(LogLevel.Warning), Is.EqualTo(6), "one line per kind of problem");
    }

    [Test]
    public void Constructor_PlainWsToARemoteHost_ThrowsNamingTheKey()
    {
        var options = new AlpacaTradeUpdatesOptions { Url = "ws://paper-api.alpaca.markets/stream" };
        var logger = new CapturingLogger();

        Assert.That(() => new AlpacaTradeUpdates(options, Credentials(), AlpacaTestData.Instruments(), new AlpacaOrderLedger(16, new RecordingExecutionSink(), logger), logger),
            Throws.ArgumentException.With.Message.Contains("venues.alpaca.stream.url"));
    }

    [Test]
    public void OnMessage_RandomBytesAndMutatedEvents_NeverThrow()
    {
        var h = new Harness().Up();
        byte[] valid = Encoding.UTF8.GetBytes(TradeUpdateFrames.Event("fill", "eng-x", filledQty: "100", filledAvgPrice: "126.55", price: "126.55", fillQty: "100"));

        FuzzGuard.AssertCompletes(() =>
        {
            Gen.Byte.Array[0, 300].Sample(bytes => h.Updates.OnMessage(h.Connection, bytes, 0), iter: 2_000);
            Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Array[1, 4].Sample(edits =>
            {
                byte[] mutated = (byte[])valid.Clone();
                foreach (var (at, value) in edits)
                {
                    mutated[at] = value;
                }
                h.Updates.OnMessage(h.Connection, mutated, 0);
            }, iter: 2_000);
        });

        Assert.That(h.Updates.Messages, Is.EqualTo(4_002), "two handshake messages, then every sample");
        Assert.That(h.Updates.IsUp, Is.True);
    }
}
