using System.Buffers.Binary;

namespace Feeds.Pcap;

/// <summary>What a pcap file header says: byte order, timestamp resolution and link type.</summary>
/// <param name="BigEndian">The file's integers are big-endian.</param>
/// <param name="Nanosecond">Record timestamps carry nanoseconds (else microseconds).</param>
/// <param name="LinkType">The link-layer type of every record.</param>
public readonly record struct PcapFileFormat(bool BigEndian, bool Nanosecond, uint LinkType)
{
    /// <summary>Reads a file header (24 bytes); false if the magic is not that of a classic pcap file.</summary>
    public static bool TryRead(ReadOnlySpan<byte> header, out PcapFileFormat format)
    {
        format = default;
        if (header.Length < PcapLayout.FileHeaderLength)
        {
            return false;
        }
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        bool bigEndian;
        bool nanosecond;
        if (magic is PcapLayout.MicrosecondMagic or PcapLayout.NanosecondMagic)
        {
            bigEndian = false;
            nanosecond = magic == PcapLayout.NanosecondMagic;
        }
        else if (BinaryPrimitives.ReverseEndianness(magic) is PcapLayout.MicrosecondMagic or PcapLayout.NanosecondMagic)
        {
            bigEndian = true;
            nanosecond = BinaryPrimitives.ReverseEndianness(magic) == PcapLayout.NanosecondMagic;
        }
        else
        {
            return false;
        }
        format = new PcapFileFormat(bigEndian, nanosecond, 0);
        format = format with { LinkType = format.ReadUInt32(header[PcapLayout.LinkType..]) };
        return true;
    }

    /// <summary>A u32 in the file's byte order.</summary>
    public uint ReadUInt32(ReadOnlySpan<byte> bytes) =>
        BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    /// <summary>A record's timestamp in nanoseconds since the epoch.</summary>
    public long TimestampNs(ReadOnlySpan<byte> recordHeader)
    {
        long seconds = ReadUInt32(recordHeader[PcapLayout.TimestampSeconds..]);
        long fraction = ReadUInt32(recordHeader[PcapLayout.TimestampFraction..]);
        return (seconds * 1_000_000_000) + (Nanosecond ? fraction : fraction * 1_000);
    }
}
