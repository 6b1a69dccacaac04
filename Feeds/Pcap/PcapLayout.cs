namespace Feeds.Pcap;

/// <summary>Byte offsets of the classic libpcap file format, in the byte order its magic number gives.</summary>
/// <remarks>
/// <code>
///  file header (24 bytes)
///  0         4               6               8           12         16             20
///  | magic   | version major | version minor | thiszone  | sigfigs  | snaplen      | link type |
///  record header (16 bytes), then incl_len bytes of the captured frame
///  0                4                          8               12
///  | seconds (u32)  | micro- or nanoseconds    | incl_len      | orig_len |
/// </code>
/// The magic 0xa1b2c3d4 means microsecond timestamps, 0xa1b23c4d nanosecond; read as little-endian
/// it gives the file's byte order (a byte-swapped magic means a big-endian file).
/// </remarks>
public static class PcapLayout
{
    /// <summary>Length of the file header.</summary>
    public const int FileHeaderLength = 24;

    /// <summary>Offset of the snapshot length (u32) in the file header.</summary>
    public const int SnapLength = 16;

    /// <summary>Offset of the link-layer type (u32) in the file header.</summary>
    public const int LinkType = 20;

    /// <summary>Length of a record header.</summary>
    public const int RecordHeaderLength = 16;

    /// <summary>Offset of the timestamp's seconds (u32) in a record header.</summary>
    public const int TimestampSeconds = 0;

    /// <summary>Offset of the timestamp's fraction, micro- or nanoseconds (u32), in a record header.</summary>
    public const int TimestampFraction = 4;

    /// <summary>Offset of the captured length (u32) in a record header.</summary>
    public const int IncludedLength = 8;

    /// <summary>Offset of the original length (u32) in a record header.</summary>
    public const int OriginalLength = 12;

    /// <summary>The magic number of a microsecond file.</summary>
    public const uint MicrosecondMagic = 0xa1b2c3d4;

    /// <summary>The magic number of a nanosecond file.</summary>
    public const uint NanosecondMagic = 0xa1b23c4d;

    /// <summary>Link type of Ethernet (LINKTYPE_ETHERNET).</summary>
    public const uint EthernetLinkType = 1;

    /// <summary>The largest record accepted (libpcap's own maximum snapshot length); a bigger one means a corrupt file.</summary>
    public const int MaxRecordLength = 262_144;
}
