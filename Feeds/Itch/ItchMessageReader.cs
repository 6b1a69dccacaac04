using System.Buffers.Binary;

namespace Feeds.Itch;

/// <summary>
/// A view of one ITCH 5.0 message: the common header, plus big-endian field reads at the offsets
/// of <see cref="ItchLayout"/>. The same reader serves every message type.
/// </summary>
/// <remarks>
/// Reads allocate nothing. The reader does not check the message against its type: build it over
/// a span of the right length (as <see cref="ItchDecoder"/> does before handing one out), or a read
/// past the end throws <see cref="ArgumentOutOfRangeException"/> like any span index.
/// <example><c>long orderId = (long)reader.UInt64(ItchLayout.AddOrder.OrderReference);</c></example>
/// </remarks>
public readonly ref struct ItchMessageReader
{
    private readonly ReadOnlySpan<byte> _bytes;

    /// <summary>Creates a reader over one whole message, starting at its type byte.</summary>
    public ItchMessageReader(ReadOnlySpan<byte> message) => _bytes = message;

    /// <summary>The message's bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The message type.</summary>
    public ItchMessageType Type => (ItchMessageType)_bytes[ItchLayout.Type];

    /// <summary>The stock locate code.</summary>
    public ushort StockLocate => UInt16(ItchLayout.StockLocate);

    /// <summary>The tracking number.</summary>
    public ushort TrackingNumber => UInt16(ItchLayout.TrackingNumber);

    /// <summary>The timestamp: nanoseconds since midnight.</summary>
    public long TimestampNs => UInt48(ItchLayout.Timestamp);

    /// <summary>The type byte of a message, without building a reader; 0 for an empty span.</summary>
    public static byte PeekType(ReadOnlySpan<byte> message) => message.IsEmpty ? (byte)0 : message[0];

    /// <summary>A one-byte field (alpha 1).</summary>
    public byte Char(int offset) => _bytes[offset];

    /// <summary>A u16 field (the header's locate and tracking number).</summary>
    public ushort UInt16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_bytes[offset..]);

    /// <summary>A u32 field.</summary>
    public uint UInt32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(_bytes[offset..]);

    /// <summary>A u48 field (the timestamp).</summary>
    public long UInt48(int offset) =>
        ((long)BinaryPrimitives.ReadUInt16BigEndian(_bytes[offset..]) << 32) | BinaryPrimitives.ReadUInt32BigEndian(_bytes[(offset + 2)..]);

    /// <summary>A u64 field.</summary>
    public ulong UInt64(int offset) => BinaryPrimitives.ReadUInt64BigEndian(_bytes[offset..]);

    /// <summary>A <c>Price(4)</c> field in ticks of $0.0001 (the wire value itself).</summary>
    public long PriceTicks(int offset) => UInt32(offset);

    /// <summary>An alpha field of <paramref name="length"/> bytes, padding included.</summary>
    public ReadOnlySpan<byte> Alpha(int offset, int length) => _bytes.Slice(offset, length);

    /// <summary>An 8-byte stock symbol field, padding included.</summary>
    public ReadOnlySpan<byte> Stock(int offset) => _bytes.Slice(offset, ItchLayout.StockLength);
}
