namespace Feeds.Kraken;

/// <summary>Why a message was not applied; the decoder keeps a counter per reason.</summary>
public enum KrakenRejectReason : byte
{
    /// <summary>Applied.</summary>
    None,

    /// <summary>Not valid JSON (including truncated messages).</summary>
    BadJson,

    /// <summary>Valid JSON of an unexpected shape: wrong element types, counts or keys.</summary>
    BadShape,

    /// <summary>A price, volume or timestamp that is not an unsigned decimal of at most 18 significant digits.</summary>
    BadNumber,

    /// <summary>A pair name that is empty, too long, escaped or not printable ASCII.</summary>
    BadPair,

    /// <summary>A <c>book-N</c> channel whose depth is not a number in 1..<see cref="KrakenDecoderOptions.MaxDepth"/>.</summary>
    UnsupportedDepth,

    /// <summary>More entries than <see cref="KrakenDecoderOptions.MaxLevelsPerMessage"/>.</summary>
    TooManyLevels,

    /// <summary>A checksum field that is not an unsigned 32-bit decimal.</summary>
    BadChecksumField,

    /// <summary>A price or volume with more non-zero decimals than the pair's scale, or too large for it.</summary>
    PriceScale,

    /// <summary>A snapshot for a new pair while the instrument table is full.</summary>
    UnknownPair,

    /// <summary>An update for a pair with no valid book (no snapshot yet, or invalidated): ignored until a snapshot.</summary>
    BookNotReady,
}
