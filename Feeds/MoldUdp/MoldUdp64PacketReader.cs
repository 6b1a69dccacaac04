using System.Buffers.Binary;

namespace Feeds.MoldUdp;

/// <summary>A view of one MoldUDP64 packet: its header and its message blocks, in order.</summary>
/// <remarks>Allocates nothing. Build it with <see cref="TryCreate"/>, which checks the header fits.</remarks>
public ref struct MoldUdp64PacketReader
{
    private readonly ReadOnlySpan<byte> _packet;
    private int _offset;
    private int _read;

    private MoldUdp64PacketReader(ReadOnlySpan<byte> packet)
    {
        _packet = packet;
        _offset = MoldUdp64Layout.HeaderLength;
    }

    /// <summary>The session name, 10 ASCII bytes.</summary>
    public readonly ReadOnlySpan<byte> Session => _packet.Slice(MoldUdp64Layout.Session, MoldUdp64Layout.SessionLength);

    /// <summary>Sequence number of the first message (of the next one expected, for a heartbeat).</summary>
    public readonly ulong SequenceNumber => BinaryPrimitives.ReadUInt64BigEndian(_packet[MoldUdp64Layout.SequenceNumber..]);

    /// <summary>The message count field as sent.</summary>
    public readonly ushort MessageCount => BinaryPrimitives.ReadUInt16BigEndian(_packet[MoldUdp64Layout.MessageCount..]);

    /// <summary>True for an end-of-session packet.</summary>
    public readonly bool IsEndOfSession => MessageCount == MoldUdp64Layout.EndOfSessionCount;

    /// <summary>Bytes after the last message block read so far (non-zero after the last block means trailing garbage).</summary>
    public readonly int RemainingBytes => _packet.Length - _offset;

    /// <summary>Creates a reader if <paramref name="packet"/> holds at least a whole header.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> packet, out MoldUdp64PacketReader reader)
    {
        reader = new MoldUdp64PacketReader(packet);
        return packet.Length >= MoldUdp64Layout.HeaderLength;
    }

    /// <summary>
    /// The next message block's payload; false when all <see cref="MessageCount"/> blocks were read
    /// or the next block does not fit in the packet (see <see cref="RemainingBytes"/>).
    /// </summary>
    public bool TryReadNext(out ReadOnlySpan<byte> message)
    {
        message = default;
        if (IsEndOfSession || _read >= MessageCount || _packet.Length - _offset < MoldUdp64Layout.BlockLengthPrefix)
        {
            return false;
        }
        int length = BinaryPrimitives.ReadUInt16BigEndian(_packet[_offset..]);
        int start = _offset + MoldUdp64Layout.BlockLengthPrefix;
        if (_packet.Length - start < length)
        {
            return false;
        }
        message = _packet.Slice(start, length);
        _offset = start + length;
        _read++;
        return true;
    }
}
