using System.Diagnostics;
using System.IO.Hashing;
using Feeds.Instruments;

namespace Feeds.Kraken;

/// <summary>
/// The book of one Kraken pair as the v1 <c>book</c> channel describes it: bids and asks kept to the
/// subscribed depth, each level with the digits it was sent with, so the CRC32 checksum of every
/// update can be verified.
/// </summary>
/// <remarks>
/// Owned by the decoding thread (<see cref="KrakenBookDecoder"/>); read it from elsewhere only when
/// that thread is idle (a replay, after the last message). Created on the pair's first snapshot with
/// arrays for the deepest allowed book; nothing is allocated afterwards.
/// </remarks>
public sealed class KrakenBook
{
    /// <summary>Decimals of the quantity unit: Kraken sends volumes with 8 decimals, so 1 unit = 10^-8.</summary>
    public const int VolumeDecimals = 8;

    /// <summary>Levels per side that the checksum covers.</summary>
    public const int ChecksumLevels = 10;

    private const int ChecksumBufferBytes = ChecksumLevels * 2 * KrakenChecksumText.Capacity;

    private uint _checksum;

    internal KrakenBook(Instrument instrument, int levelCapacity)
    {
        Instrument = instrument;
        Bids = new KrakenBookSide(isBid: true, levelCapacity);
        Asks = new KrakenBookSide(isBid: false, levelCapacity);
    }

    /// <summary>The pair.</summary>
    public Instrument Instrument { get; }

    /// <summary>Decimals of a price tick (from the instrument table).</summary>
    public int PriceDecimals => Instrument.PriceDecimals;

    /// <summary>The subscribed depth, from the channel name of the last snapshot (<c>book-1000</c>).</summary>
    public int Depth { get; internal set; }

    /// <summary>
    /// True from a snapshot until a checksum mismatch, a rejected update or
    /// <see cref="KrakenBookDecoder.InvalidateAll"/>; updates to an invalid book are ignored.
    /// </summary>
    public bool IsValid { get; internal set; }

    /// <summary>Bids, best (highest) first by rank.</summary>
    public KrakenBookSide Bids { get; }

    /// <summary>Asks, best (lowest) first by rank.</summary>
    public KrakenBookSide Asks { get; }

    /// <summary>
    /// The Kraken checksum of the book as it stands: CRC32 of the top 10 asks (ascending) then the
    /// top 10 bids (descending), each as price digits then volume digits without '.' or leading zeros.
    /// </summary>
    /// <remarks>
    /// Allocation-free: copies each level's text into an 800-byte stack buffer. Computed again only when a
    /// change reached the top 10 of a side since the last call (deep updates reuse the last value).
    /// </remarks>
    public uint ComputeChecksum()
    {
        if (!Bids.TopChanged && !Asks.TopChanged)
        {
            return _checksum;
        }
        Bids.TopChanged = false;
        Asks.TopChanged = false;
        Span<byte> text = stackalloc byte[ChecksumBufferBytes];
        int length = AppendTop(Asks, text, 0);
        length = AppendTop(Bids, text, length);
        _checksum = Crc32.HashToUInt32(text[..length]);
        return _checksum;
    }

    /// <summary>The side an entry belongs to.</summary>
    internal KrakenBookSide SideOf(Side side) => side == Side.Buy ? Bids : Asks;

    /// <summary>Debug check: both sides sorted, positive and within the depth.</summary>
    [Conditional("DEBUG")]
    internal void AssertInvariants()
    {
        Bids.AssertInvariants();
        Asks.AssertInvariants();
        Debug.Assert(Bids.Count <= Depth && Asks.Count <= Depth, "both sides are truncated to the depth");
    }

    private static int AppendTop(KrakenBookSide side, Span<byte> text, int length)
    {
        int levels = Math.Min(side.Count, ChecksumLevels);
        for (int rank = 0; rank < levels; rank++)
        {
            length += side[rank].CopyChecksumText(text[length..]);
        }
        return length;
    }
}
