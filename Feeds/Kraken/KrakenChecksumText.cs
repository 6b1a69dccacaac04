using System.Runtime.CompilerServices;

namespace Feeds.Kraken;

/// <summary>
/// A level's share of the checksum string (price digits then volume digits, no '.', no leading
/// zeros), formatted once when the level is set so that a checksum only copies bytes.
/// </summary>
[InlineArray(Capacity)]
internal struct KrakenChecksumText
{
    /// <summary>Two longs of at most 20 characters each.</summary>
    public const int Capacity = 40;

    private byte _element0;
}
