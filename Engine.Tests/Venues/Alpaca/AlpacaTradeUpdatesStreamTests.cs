using System.Collections.Concurrent;
using Engine.Orders;
using Engine.Tests.Alpaca;
using Engine.Tests.Support;
using Engine.Venues.Alpaca;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>The trade_updates client, transport and protocol, against a loopback server speaking Alpaca's protocol.</summary>
public sealed class AlpacaTradeUpdatesStreamTests
{
    private const long Id = 1_700_000_000_000_000_007;

    private static readonly string s_id = TradeUpdateFrames.Id(Id);

    private sealed class Stream : IAsyncDisposable
    {
        public required FakeTradeUpdatesServer Server { get; init; }
        public required RecordingExecutionSink Sink { get; init; }
        public required AlpacaTradeUpdates Updates { get; init; }
        public required WebSocketTransport Transport { get; init; }
        public required FakeTradingApi Api { get; init; }
        public required AlpacaReconciler Reconciler { get; init; }
        public ConcurrentQueue<AlpacaStreamStateChangedEventArgs> Changes { get; } = new();

        public async ValueTask DisposeAsync()
        {
            await Transport.DisposeAsync();
            await Server.DisposeAsync();
        }
    }

    private static async Task<Stream> StartAsync(FakeTradeUpdatesServer server, ILogger? logger = null, int keepAliveIntervalMs = 15_000, int keepAliveTimeoutMs = 10_000)
    {
        var sink = new RecordingExecutionSink();
        logger ??= new CapturingLogger();
        var options = new AlpacaTradeUpdatesOptions
        {
            Url = server.Url,
            Transport = new()
            {
                ReconnectInitialDelayMs = 5, ReconnectMaxDelayMs = 20, StaleTimeoutMs = 0,
                KeepAliveIntervalMs = keepAliveIntervalMs, KeepAliveTimeoutMs = keepAliveTimeoutMs,
            },
        };
        var ledger = new AlpacaOrderLedger(options.MaxTrackedOrders, sink, logger);
        var instruments = AlpacaTestData.Instruments();
        var updates = new AlpacaTradeUpdates(options, AlpacaTradeUpdatesTests.Credentials(), instruments, ledger, logger);
        var transport = new WebSocketTransport(options.Url, options.Transport, updates, logger, random: new Random(5), name: "alpaca-trade-updates");
        var api = new FakeTradingApi();
        var stream = new Stream
        {
            Server = server, Sink = sink, Updates = updates, Transport = transport, Api = api,
            Reconciler = new AlpacaReconciler(api, ledger, instruments, logger),
        };
        updates.StateChanged += (_, e) => stream.Changes.Enqueue(e);
        transport.Start();
        return stream;
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Stream_TextOrBinaryFrames_AuthenticatesListensAndMapsFills(bool binary)
    {
        await using var stream = await StartAsync(await FakeTradeUpdatesServer.StartAsync(binaryFrames: binary));
        Eventually.Until(() => stream.Updates.IsUp, TestTimeouts.Join, "the stream is up");

        stream.Server.Send(0, TradeUpdateFrames.Event("new", s_id));
        stream.Server.Send(0, TradeUpdateFrames.Event("partial_fill", s_id, filledQty: "25", filledAvgPrice: "126.55", price: "126.55", fillQty: "25", status: "partially_filled"));
        stream.Server.Send(0, TradeUpdateFrames.Event("fill", s_id, filledQty: "100", filledAvgPrice: "126.5875", price: "126.6", fillQty: "75", status: "filled"));
        Eventually.Until(() => stream.Sink.Count == 3, TestTimeouts.Join, "three reports");

        var reports = stream.Sink.Reports;
        Assert.That(reports.Select(r => (r.Kind, r.LastQuantity, r.LastPriceTicks, r.CumulativeQuantity)), Is.EqualTo(new[]
        {
            (ExecutionKind.Accepted, 0L, 0L, 0L),
            (ExecutionKind.PartialFill, 25L, 1_265_500L, 25L),
            (ExecutionKind.Fill, 75L, 1_266_000L, 100L),
        }));
        Assert.That(stream.Server.Requests.Last(), Is.EqualTo("""{"action":"listen","data":{"streams":["trade_updates"]}}"""));
        Assert.That(stream.Changes.Select(c => c.IsUp), Is.EqualTo(new[] { true }));
    }

    [Test]
    public async Task Authentication_RefusedOnce_IsCountedThenTheNextConnectionComesUp()
    {
        var logger = new CapturingLogger();
        await using var stream = await StartAsync(await FakeTradeUpdatesServer.StartAsync(refuseFirstAuthentications: 1), logger);

        // The transport counts the session once the message that brought it up has been handled, just after the flag goes up.
        Eventually.Until(() => stream.Updates.IsUp && stream.Transport.SessionsEstablished > 0, TestTimeouts.Join, "the second connection is up");

        Assert.That((stream.Updates.Unauthorized, stream.Server.Connections, stream.Updates.UpCount), Is.EqualTo((1L, 2, 1L)));
        Assert.That(stream.Transport.SessionsEstablished, Is.EqualTo(1));
        foreach (var entry in logger.Entries)
        {
            string text = entry.Message + entry.Exception;
            Assert.That(text, Does.Not.Contain(FakeTradeUpdatesServer.Secret).And.Not.Contain(FakeTradeUpdatesServer.KeyId), text);
        }
    }

    [Test]
    public async Task ConnectionDropped_FlagGoesDownThenUpAgainAfterAReconnectAndFillsKeepTheirCount()
    {
        await using var stream = await StartAsync(await FakeTradeUpdatesServer.StartAsync());
        Eventually.Until(() => stream.Updates.IsUp, TestTimeouts.Join, "the first connection is up");
        stream.Server.Send(0, TradeUpdateFrames.Event("partial_fill", s_id, filledQty: "40", filledAvgPrice: "126.55", price: "126.55", fillQty: "40", status: "partially_filled"));
        Eventually.Until(() => stream.Sink.Count == 1, TestTimeouts.Join, "the first fill");

        stream.Server.Close(0);
        Eventually.Until(() => stream.Updates.UpCount == 2 && stream.Updates.IsUp, TestTimeouts.Join, "the second connection is up");
        // The venue repeats the last partial fill after the reconnect, then the order fills.
        stream.Server.Send(1, TradeUpdateFrames.Event("partial_fill", s_id, filledQty: "40", filledAvgPrice: "126.55", price: "126.55", fillQty: "40", status: "partially_filled"));
        stream.Server.Send(1, TradeUpdateFrames.Event("fill", s_id, filledQty: "100", filledAvgPrice: "126.55", price: "126.55", fillQty: "60", status: "filled"));
        Eventually.Until(() => stream.Sink.Count == 2, TestTimeouts.Join, "the final fill");

        Assert.That(stream.Changes.Select(c => (c.IsUp, c.UpCount)), Is.EqualTo(new[] { (true, 1L), (false, 1L), (true, 2L) }));
        Assert.That(stream.Changes.ElementAt(1).Reason, Is.EqualTo(DisconnectReason.ClosedByServer));
        Assert.That(stream.Sink.Reports.Select(r => r.LastQuantity), Is.EqualTo(new[] { 40L, 60L }));
        Assert.That((stream.Updates.DownCount, stream.Transport.Reconnects, stream.Server.Streaming), Is.EqualTo((1L, 1L, 2)));
    }

    [Test]
    public async Task Listening_NotConfirmed_NeverComesUpAndKeepsTrying()
    {
        await using var stream = await StartAsync(await FakeTradeUpdatesServer.StartAsync(listeningAnswer: TradeUpdateFrames.ListeningToNothing));

        Eventually.Until(() => stream.Updates.ListenRefused >= 2, TestTimeouts.Join, "two listen refusals");

        Assert.That(stream.Updates.UpCount, Is.Zero);
        Assert.That(stream.Changes, Is.Empty);
        Assert.That(stream.Transport.State, Is.Not.EqualTo(TransportState.Stopped));
    }

    [Test]
    public async Task ConnectionGoneSilentlyDead_UnansweredPingTakesItDownAndAReconnectBringsItBack()
    {
        await using var stream = await StartAsync(await FakeTradeUpdatesServer.StartAsync(freezeFirstConnection: true), keepAliveIntervalMs: 50, keepAliveTimeoutMs: 100);

        Eventually.Until(() => stream.Updates.UpCount == 2 && stream.Updates.IsUp, TestTimeouts.Join, "the second connection is up");

        Assert.That(stream.Changes.Select(c => c.IsUp), Is.EqualTo(new[] { true, false, true }));
        Assert.That(stream.Changes.ElementAt(1).Reason, Is.Not.EqualTo(DisconnectReason.Stopped));
    }

    [Test]
    public async Task StreamDownWhileTheOrderFills_ReconcileAfterTheReconnectReportsTheMissedFillAndTheLateEventsAddNothing()
    {
        await using var stream = await StartAsync(await FakeTradeUpdatesServer.StartAsync());
        Eventually.Until(() => stream.Updates.IsUp, TestTimeouts.Join, "the first connection is up");
        stream.Server.Send(0, TradeUpdateFrames.Event("partial_fill", s_id, filledQty: "40", filledAvgPrice: "126.5", price: "126.5", fillQty: "40", status: "partially_filled"));
        Eventually.Until(() => stream.Sink.Count == 1, TestTimeouts.Join, "the first fill");

        // The stream drops; meanwhile 30 more fill at the venue, at 126.6.
        stream.Server.Close(0);
        stream.Api.Add(Id, "partially_filled", filledQty: "70", filledAvgPrice: "126.542857142");
        Eventually.Until(() => stream.Updates.UpCount == 2 && stream.Updates.IsUp, TestTimeouts.Join, "the second connection is up");
        // The engine had applied the first fill when it took its view.
        var result = await stream.Reconciler.ReconcileAsync([new EngineOrderView(Id, AlpacaTestData.Aapl, global::Feeds.Side.Buy, 100, 40, 40 * 1_265_000)], [], CancellationToken.None);
        // The venue then replays the fill the stream missed, and the order completes.
        stream.Server.Send(1, TradeUpdateFrames.Event("partial_fill", s_id, filledQty: "70", filledAvgPrice: "126.542857142", price: "126.6", fillQty: "30", status: "partially_filled"));
        stream.Server.Send(1, TradeUpdateFrames.Event("fill", s_id, filledQty: "100", filledAvgPrice: "126.55", price: "126.5667", fillQty: "30", status: "filled"));
        Eventually.Until(() => stream.Sink.Reports.Exists(r => r.Kind == ExecutionKind.Fill), TestTimeouts.Join, "the final fill");

        Assert.That(result.Reports.Select(r => (r.LastQuantity, r.LastPriceTicks)), Is.EqualTo(new[] { (30L, 1_266_000L) }));
        Assert.That(stream.Sink.Reports.Select(r => (r.Kind, r.LastQuantity, r.CumulativeQuantity)), Is.EqualTo(new[]
        {
            (ExecutionKind.PartialFill, 40L, 40L),
            (ExecutionKind.PartialFill, 30L, 70L),
            (ExecutionKind.Fill, 30L, 100L),
        }));
        Assert.That(stream.Updates.DownCount, Is.EqualTo(1));
    }
}
