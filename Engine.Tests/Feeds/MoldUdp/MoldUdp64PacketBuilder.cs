using System.Buffers.Binary;
using System.Text;
using Feeds.MoldUdp;

namespace Engine.Tests.Feeds.MoldUdp;

/// <summary>Writes MoldUDP64 packets for tests.</summary>
internal static class MoldUdp64PacketBuilder
{
    public static byte[] Packet(string session, ulong sequence, params byte[][] messages) =>
        Packet(session, sequence, (ushort)messages.Length, messages);

    public static byte[] Packet(string session, ulong sequence, ushort count, params byte[][] messages)
    {
        using var stream = new MemoryStream();
        var header = new byte[MoldUdp64Layout.HeaderLength];
        header.AsSpan(0, MoldUdp64Layout.SessionLength).Fill((byte)' ');
        Encoding.ASCII.GetBytes(session, header.AsSpan(0, MoldUdp64Layout.SessionLength));
        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(MoldUdp64Layout.SequenceNumber), sequence);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(MoldUdp64Layout.MessageCount), count);
        stream.Write(header);
        foreach (var message in messages)
        {
            var length = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)message.Length);
            stream.Write(length);
            stream.Write(message);
        }
        return stream.ToArray();
    }

    public static byte[] Heartbeat(string session, ulong nextSequence) => Packet(session, nextSequence);

    public static byte[] EndOfSession(string session, ulong nextSequence) =>
        Packet(session, nextSequence, MoldUdp64Layout.EndOfSessionCount);
}
