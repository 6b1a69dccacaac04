using System.Buffers.Binary;
using System.Text;
using Feeds.Itch;

namespace Engine.Tests.Feeds.Itch;

/// <summary>Writes ITCH 5.0 messages for tests: the header, then fields at the offsets of <see cref="ItchLayout"/>.</summary>
internal sealed class ItchMessageBuilder
{
    private readonly byte[] _bytes;

    public ItchMessageBuilder(ItchMessageType type, ushort locate = 1, ushort tracking = 0, long timestampNs = 0)
    {
        _bytes = new byte[ItchLayout.MessageLength((byte)type)];
        _bytes[ItchLayout.Type] = (byte)type;
        U16(ItchLayout.StockLocate, locate);
        U16(ItchLayout.TrackingNumber, tracking);
        BinaryPrimitives.WriteUInt16BigEndian(_bytes.AsSpan(ItchLayout.Timestamp), (ushort)(timestampNs >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(_bytes.AsSpan(ItchLayout.Timestamp + 2), (uint)timestampNs);
    }

    public byte[] Bytes => _bytes;

    public ItchMessageBuilder Char(int offset, char value)
    {
        _bytes[offset] = (byte)value;
        return this;
    }

    public ItchMessageBuilder U16(int offset, ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_bytes.AsSpan(offset), value);
        return this;
    }

    public ItchMessageBuilder U32(int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_bytes.AsSpan(offset), value);
        return this;
    }

    public ItchMessageBuilder U64(int offset, ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_bytes.AsSpan(offset), value);
        return this;
    }

    /// <summary>An alpha field, space-padded on the right to <paramref name="length"/>.</summary>
    public ItchMessageBuilder Alpha(int offset, string value, int length = ItchLayout.StockLength)
    {
        var field = _bytes.AsSpan(offset, length);
        field.Fill((byte)' ');
        Encoding.ASCII.GetBytes(value, field);
        return this;
    }

    public static byte[] Directory(ushort locate, string stock) =>
        new ItchMessageBuilder(ItchMessageType.StockDirectory, locate)
            .Alpha(ItchLayout.StockDirectory.Stock, stock)
            .U32(ItchLayout.StockDirectory.RoundLotSize, 100)
            .Bytes;

    public static byte[] AddOrder(ushort locate, ulong orderRef, char side, uint shares, string stock, uint price, long timestampNs = 0) =>
        new ItchMessageBuilder(ItchMessageType.AddOrder, locate, timestampNs: timestampNs)
            .U64(ItchLayout.AddOrder.OrderReference, orderRef)
            .Char(ItchLayout.AddOrder.Side, side)
            .U32(ItchLayout.AddOrder.Shares, shares)
            .Alpha(ItchLayout.AddOrder.Stock, stock)
            .U32(ItchLayout.AddOrder.Price, price)
            .Bytes;

    public static byte[] Delete(ushort locate, ulong orderRef) =>
        new ItchMessageBuilder(ItchMessageType.OrderDelete, locate).U64(ItchLayout.OrderCancel.OrderReference, orderRef).Bytes;

    /// <summary>BinaryFILE framing of <paramref name="messages"/>: each behind its u16 length, or behind 0 when <paramref name="zeroPrefix"/>.</summary>
    public static byte[] BinaryFile(bool zeroPrefix, params byte[][] messages)
    {
        using var stream = new MemoryStream();
        foreach (var message in messages)
        {
            var prefix = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(prefix, zeroPrefix ? (ushort)0 : (ushort)message.Length);
            stream.Write(prefix);
            stream.Write(message);
        }
        return stream.ToArray();
    }
}
