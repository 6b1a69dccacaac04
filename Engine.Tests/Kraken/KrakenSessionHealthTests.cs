using System.Text;
using Engine.Tests.Alpaca;
using Engine.Tests.Support;
using Engine.Tests.Venues.Alpaca;
using Feeds;
using Feeds.Instruments;
using Feeds.Kraken;
using Feeds.Transport;

namespace Engine.Tests.Kraken;

/// <summary>What <see cref="KrakenStreamSession"/> reports to its <see cref="FeedHealth"/>, driven by hand through its protocol callbacks.</summary>
public sealed class KrakenSessionHealthTests
{
    private const string Xbt = "XBT/USD";

    // NUnit runs every test on one instance: SetUp makes them fresh.
    private FeedHealth _health = null!;
    private ConcurrentRecordingSink _sink = null!;
    private ScriptedConnection _connection = null!;
    private KrakenStreamSession _session = null!;
    private KrakenReferenceBook _book = null!;

    [SetUp]
    public void Create()
    {
        _health = new FeedHealth("kraken");
        _sink = new ConcurrentRecordingSink();
        _connection = new ScriptedConnection();
        var options = new KrakenStreamOptions { Url = "ws://127.0.0.1:1", Pairs = [Xbt], Depth = 10 };
        _session = new KrakenStreamSession(options, new InstrumentTable(4), _sink, new CapturingLogger(), health: _health);
        _book = new KrakenReferenceBook(10);
    }

    private void Receive(string message) => _session.OnMessage(_connection, Encoding.UTF8.GetBytes(message), 1);

    private void ReceiveSnapshot()
    {
        string snapshot = KrakenMessages.Snapshot(Xbt, 10, [("100.5", "1.00000000")], [("100.1", "3.00000000")]);
        _book = new KrakenReferenceBook(10);
        _book.Apply(snapshot);
        Receive(snapshot);
    }

    [Test]
    public void OnConnected_BeforeTheFirstSnapshot_NotYetConnected()
    {
        _session.OnConnected(_connection);
        Receive("""{"connectionID":1,"event":"systemStatus","status":"online","version":"1.8.3"}""");

        Assert.That((_health.IsConnected, _health.Messages), Is.EqualTo((false, 1L)));
    }

    [Test]
    public void FirstSnapshot_OfTheConnection_Connected()
    {
        _session.OnConnected(_connection);

        ReceiveSnapshot();

        Assert.That((_health.IsConnected, _health.Reconnects, _health.Messages), Is.EqualTo((true, 0L, 1L)));
        Assert.That(_sink.Events.FindAll(e => e.Kind == MarketDataKind.FeedStatus), Is.Empty, "the first connection has nothing to announce");
    }

    [Test]
    public void ChecksumMismatch_CountedAsChecksumFailureAndGap_NotAsDecodeError()
    {
        _session.OnConnected(_connection);
        ReceiveSnapshot();

        Receive(KrakenMessages.Update(Xbt, 10, [("100.6", "5.00000000")], [], checksum: _book.Checksum() ^ 1));

        Assert.That((_health.ChecksumFailures, _health.Gaps, _health.DecodeErrors), Is.EqualTo((1L, 1L, 0L)));
    }

    [TestCase("[42,{\"a\":[[\"1\"")]
    [TestCase("not json")]
    [TestCase("[42,{\"as\":[[\"100.12345\",\"1.0\",\"1618678133.365913\"]],\"bs\":[]},\"book-10\",\"XBT/USD\"]")]
    public void MalformedOrUnscalableMessage_CountedAsDecodeError(string message)
    {
        var options = new KrakenStreamOptions { Url = "ws://127.0.0.1:1", Pairs = [Xbt], Depth = 10 };
        var instruments = new InstrumentTable(4);
        instruments.GetOrAdd(Xbt, priceDecimals: 1); // as the engine adds its pairs: 100.12345 does not fit
        _session = new KrakenStreamSession(options, instruments, _sink, new CapturingLogger(), health: _health);
        _session.OnConnected(_connection);

        Receive(message);

        Assert.That((_health.DecodeErrors, _health.ChecksumFailures, _health.Messages), Is.EqualTo((1L, 0L, 1L)));
    }

    [Test]
    public void UpdateBeforeAnySnapshot_NotADecodeError()
    {
        _session.OnConnected(_connection);

        Receive(KrakenMessages.Update(Xbt, 10, [("100.6", "5.00000000")], [], checksum: 1));

        Assert.That(_health.DecodeErrors, Is.Zero, "an update to a book not yet snapshotted is ignored, not malformed");
    }

    [TestCase(DisconnectReason.Stale, true)]
    [TestCase(DisconnectReason.ClosedByServer, false)]
    [TestCase(DisconnectReason.Lost, false)]
    public void OnDisconnected_Disconnected_StaleOnlyForTheStaleTimer(DisconnectReason reason, bool stale)
    {
        _session.OnConnected(_connection);
        ReceiveSnapshot();

        _session.OnDisconnected(reason);

        Assert.That((_health.IsConnected, _health.IsStale), Is.EqualTo((false, stale)));
    }

    [Test]
    public void NextConnectionsFirstSnapshot_ConnectedAgainCountsAReconnectAndPublishesConnected()
    {
        _session.OnConnected(_connection);
        ReceiveSnapshot();
        _session.OnDisconnected(DisconnectReason.Stale);

        _session.OnConnected(_connection);
        ReceiveSnapshot();

        Assert.That((_health.IsConnected, _health.IsStale, _health.Reconnects), Is.EqualTo((true, false, 1L)));
        var statuses = _sink.Events.FindAll(e => e.Kind == MarketDataKind.FeedStatus).ConvertAll(e => (FeedStatus)e.Status);
        Assert.That(statuses, Is.EqualTo(new[] { FeedStatus.Stale, FeedStatus.Connected }));
    }
}
