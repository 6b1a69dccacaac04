using CsCheck;
using Feeds.Kraken;

namespace Engine.Tests.Kraken;

public sealed class KrakenBookSideTests
{
    [Test]
    public void SetRemoveTruncate_RandomSequences_MatchASortedDictionaryAfterEveryStep()
    {
        // Operation: 0..5 set, 6..8 remove, 9 truncate to a random depth; prices in a narrow band so
        // that sets hit existing levels and removes hit present ones. A small capacity forces recentring.
        var operations = Gen.Select(Gen.Int[0, 9], Gen.Int[1, 60], Gen.Long[1, 3], Gen.Int[0, 24]).Array[1, 400];
        Gen.Bool.Select(operations).Sample((isBid, steps) =>
        {
            var side = new KrakenBookSide(isBid, capacity: 64);
            var model = new SortedDictionary<long, long>(isBid ? Comparer<long>.Create((a, b) => b.CompareTo(a)) : Comparer<long>.Default);
            foreach (var (operation, price, quantity, depth) in steps)
            {
                long[] topBefore = Top(model);
                side.TopChanged = false;
                if (operation <= 5 && side.Count < 63)
                {
                    side.Set(new KrakenLevel(price, quantity, price, quantity));
                    model[price] = quantity;
                }
                else if (operation <= 8)
                {
                    Assert.That(side.Remove(price), Is.EqualTo(model.Remove(price)));
                }
                else
                {
                    while (side.TryTruncateOne(depth, out KrakenLevel worst))
                    {
                        Assert.That(worst.PriceTicks, Is.EqualTo(model.Keys.Last()));
                        model.Remove(worst.PriceTicks);
                    }
                }
                AssertSame(side, model);
                if (!side.TopChanged)
                {
                    Assert.That(Top(model), Is.EqualTo(topBefore), "a change the checksum covers was not flagged");
                }
            }
        }, iter: 300, threads: 1);
    }

    [Test]
    public void Indexer_RankOutsideTheSide_Throws()
    {
        var side = new KrakenBookSide(isBid: false, capacity: 4);
        side.Set(new KrakenLevel(5, 1, 5, 1));

        Assert.That(side[0].PriceTicks, Is.EqualTo(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = side[1]);
    }

    [Test]
    public void Clear_WithLevels_LeavesAnEmptySideThatTakesLevelsAgain()
    {
        var side = new KrakenBookSide(isBid: true, capacity: 4);
        side.Set(new KrakenLevel(5, 1, 5, 1));
        side.Set(new KrakenLevel(6, 1, 6, 1));

        side.Clear();
        side.Set(new KrakenLevel(7, 2, 7, 2));

        Assert.That(side.Count, Is.EqualTo(1));
        Assert.That(side[0], Is.EqualTo(new KrakenLevel(7, 2, 7, 2)));
    }

    /// <summary>Prices and quantities of the levels the checksum covers.</summary>
    private static long[] Top(SortedDictionary<long, long> model) =>
        [.. model.Take(KrakenBook.ChecksumLevels).SelectMany(level => new[] { level.Key, level.Value })];

    private static void AssertSame(KrakenBookSide side, SortedDictionary<long, long> model)
    {
        Assert.That(side.Count, Is.EqualTo(model.Count));
        int rank = 0;
        foreach (var (price, quantity) in model)
        {
            Assert.That(side[rank].PriceTicks, Is.EqualTo(price));
            Assert.That(side[rank].Quantity, Is.EqualTo(quantity));
            rank++;
        }
    }
}
