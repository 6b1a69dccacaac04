using Feeds.Kraken;

namespace Engine.Tests.Kraken;

/// <summary>Checks a decoder's books through their public view (the debug-only invariants are compiled out in Release).</summary>
internal static class KrakenBookAssert
{
    public static void Consistent(KrakenBook book)
    {
        Assert.That(book.Bids.Count, Is.LessThanOrEqualTo(book.Depth), "bids within depth");
        Assert.That(book.Asks.Count, Is.LessThanOrEqualTo(book.Depth), "asks within depth");
        for (int rank = 0; rank < book.Bids.Count; rank++)
        {
            Assert.That(book.Bids[rank].Quantity, Is.GreaterThan(0));
            Assert.That(rank == 0 || book.Bids[rank].PriceTicks < book.Bids[rank - 1].PriceTicks, Is.True, "bids strictly descending");
        }
        for (int rank = 0; rank < book.Asks.Count; rank++)
        {
            Assert.That(book.Asks[rank].Quantity, Is.GreaterThan(0));
            Assert.That(rank == 0 || book.Asks[rank].PriceTicks > book.Asks[rank - 1].PriceTicks, Is.True, "asks strictly ascending");
        }
    }

    /// <summary>Every level of <paramref name="book"/> equals the reference's, price and volume text included.</summary>
    public static void SameAs(KrakenBook book, KrakenReferenceBook reference)
    {
        Assert.That(book.Asks.Count, Is.EqualTo(reference.Asks.Count), "ask levels");
        Assert.That(book.Bids.Count, Is.EqualTo(reference.Bids.Count), "bid levels");
        Assert.That(book.ComputeChecksum(), Is.EqualTo(reference.Checksum()), "checksum");
    }
}
