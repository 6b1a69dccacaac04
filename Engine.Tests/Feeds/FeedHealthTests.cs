using System.Diagnostics;
using Feeds;

namespace Engine.Tests.Feeds;

public sealed class FeedHealthTests
{
    [Test]
    public void New_NothingHappened_DisconnectedNotStaleAndAllCountsZero()
    {
        var health = new FeedHealth("kraken");

        Assert.That((health.Name, health.IsConnected, health.IsStale), Is.EqualTo(("kraken", false, false)));
        Assert.That(new[] { health.Reconnects, health.Messages, health.Gaps, health.ChecksumFailures, health.DecodeErrors }, Is.All.EqualTo(0));
    }

    [Test]
    public void OnConnected_FirstTime_ConnectedWithoutAReconnect()
    {
        var health = new FeedHealth("kraken");

        health.OnConnected();

        Assert.That((health.IsConnected, health.Reconnects), Is.EqualTo((true, 0L)));
    }

    [Test]
    public void OnConnected_AfterADisconnect_CountsOneReconnect()
    {
        var health = new FeedHealth("kraken");
        health.OnConnected();
        health.OnDisconnected(stale: false);

        health.OnConnected();

        Assert.That((health.IsConnected, health.IsStale, health.Reconnects), Is.EqualTo((true, false, 1L)));
    }

    [Test]
    public void OnDisconnected_Stale_StaysStaleUntilTheNextConnection()
    {
        var health = new FeedHealth("kraken");
        health.OnConnected();

        health.OnDisconnected(stale: true);
        Assert.That((health.IsConnected, health.IsStale), Is.EqualTo((false, true)));

        health.OnConnected();
        Assert.That((health.IsConnected, health.IsStale), Is.EqualTo((true, false)));
    }

    [Test]
    public void Counters_EachEvent_CountsOnlyItsOwn()
    {
        var health = new FeedHealth("kraken");

        health.OnMessages(3, Stopwatch.GetTimestamp());
        health.OnMessages(1, Stopwatch.GetTimestamp());
        health.OnGap();
        health.OnChecksumFailure();
        health.OnChecksumFailure();
        health.OnDecodeErrors(1);
        health.OnDecodeErrors(2);

        Assert.That((health.Messages, health.Gaps, health.ChecksumFailures, health.DecodeErrors), Is.EqualTo((4L, 1L, 2L, 3L)));
    }

    [Test]
    public void LastMessageAgeSeconds_MeasuredFromTheLastMessage()
    {
        var health = new FeedHealth("kraken");
        long received = Stopwatch.GetTimestamp();
        health.OnMessages(1, received);

        double age = health.LastMessageAgeSeconds(received + (5 * Stopwatch.Frequency));

        Assert.That(age, Is.EqualTo(5.0).Within(1e-9));
    }

    [Test]
    public void LastMessageAgeSeconds_NoMessageYet_MeasuredFromCreation()
    {
        long before = Stopwatch.GetTimestamp();
        var health = new FeedHealth("kraken");
        long after = Stopwatch.GetTimestamp();

        double age = health.LastMessageAgeSeconds(after + (2 * Stopwatch.Frequency));

        Assert.That(age, Is.InRange(2.0, 2.0 + Stopwatch.GetElapsedTime(before, after).TotalSeconds));
    }

    [Test]
    public void Constructor_BlankName_Throws()
    {
        Assert.Throws<ArgumentException>(() => _ = new FeedHealth(" "));
    }
}
