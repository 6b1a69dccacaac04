using Engine.Bench.Latency;
using Engine.Book;
using Feeds;
using Feeds.Synthetic;

namespace Engine.Tests.Bench;

/// <summary>The harnesses' recorded market: replayed again and again, it keeps the books consistent and venue time rising.</summary>
public sealed class MarketRecordingTests
{
    private static readonly SyntheticFeedOptions s_market = new() { Instruments = 4, Threads = 1, RateEventsPerSecond = 0 };

    [Test]
    public void Next_ThreeReplaysThroughTheBooks_AppliesCleanlyAndEndsEachOnEmptyBooks()
    {
        var recording = MarketRecording.Record(s_market, 20_000);
        var books = new OrderBooks(new BookOptions { Instruments = 4 });
        var reader = recording.NewReader();
        var e = default(MarketDataEvent);
        long lastNs = 0;
        long backwards = 0;

        for (int replay = 0; replay < 3; replay++)
        {
            for (int n = 0; n < recording.Length; n++)
            {
                reader.Next(ref e);
                backwards += e.TsEventNs > lastNs ? 0 : 1;
                lastNs = e.TsEventNs;
                books.Apply(ref e);
            }
            Assert.That(books[0].OrderCount + books[1].OrderCount + books[2].OrderCount + books[3].OrderCount, Is.Zero, $"after replay {replay}");
        }

        Assert.That(books.ErrorTotal(), Is.Zero);
        Assert.That(backwards, Is.Zero, "venue time rises across replays");
        Assert.That(recording.Length, Is.GreaterThan(20_000), "the closing deletes follow the recorded events");
    }

    [Test]
    public void Next_SamePlaceOfTwoReplays_SameEventOneSpanLater()
    {
        var recording = MarketRecording.Record(s_market, 1_000);
        var reader = recording.NewReader();
        MarketDataEvent first = default, second = default, next = default;

        for (int n = 0; n <= recording.Length + 5; n++)
        {
            reader.Next(ref second);
            if (n == 5)
            {
                first = second;
            }
            else if (n == 6)
            {
                next = second;
            }
        }

        Assert.That((second.Kind, second.OrderId, second.PriceTicks, second.Quantity), Is.EqualTo((first.Kind, first.OrderId, first.PriceTicks, first.Quantity)));
        long stepNs = next.TsEventNs - first.TsEventNs;
        Assert.That(second.TsEventNs - first.TsEventNs, Is.EqualTo(recording.Length * stepNs), "one span: every event one step apart");
    }
}
