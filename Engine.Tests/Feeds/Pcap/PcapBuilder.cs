using System.Buffers.Binary;
using Feeds.Pcap;

namespace Engine.Tests.Feeds.Pcap;

/// <summary>Writes pcap files and Ethernet/IPv4/UDP frames for tests.</summary>
internal static class PcapBuilder
{
    /// <summary>An Ethernet II frame with the given 802.1Q tags, IPv4 (no options) and UDP around <paramref name="payload"/>.</summary>
    public static byte[] UdpFrame(byte[] payload, ushort destinationPort = 26477, int vlanTags = 1, byte protocol = PacketLayout.UdpProtocol,
        ushort fragment = 0, int padding = 0)
    {
        int udpLength = PacketLayout.UdpHeaderLength + payload.Length;
        int ipLength = PacketLayout.Ipv4MinHeaderLength + udpLength;
        var frame = new byte[PacketLayout.EthernetHeaderLength + (vlanTags * PacketLayout.VlanTagLength) + ipLength + padding];
        int offset = PacketLayout.EtherType;
        for (int i = 0; i < vlanTags; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), i == 0 && vlanTags > 1 ? PacketLayout.ServiceVlanEtherType : PacketLayout.VlanEtherType);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset + 2), 141);
            offset += PacketLayout.VlanTagLength;
        }
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), PacketLayout.Ipv4EtherType);
        var ip = frame.AsSpan(offset + 2);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[PacketLayout.Ipv4TotalLength..], (ushort)ipLength);
        BinaryPrimitives.WriteUInt16BigEndian(ip[PacketLayout.Ipv4FlagsAndFragment..], fragment);
        ip[PacketLayout.Ipv4Protocol] = protocol;
        var udp = ip[PacketLayout.Ipv4MinHeaderLength..];
        BinaryPrimitives.WriteUInt16BigEndian(udp[PacketLayout.UdpDestinationPort..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[PacketLayout.UdpLength..], (ushort)udpLength);
        payload.CopyTo(udp[PacketLayout.UdpHeaderLength..]);
        return frame;
    }

    /// <summary>A pcap file holding <paramref name="frames"/>, record i stamped i seconds plus <paramref name="fraction"/>.</summary>
    public static byte[] File(IEnumerable<byte[]> frames, bool nanosecond = true, bool bigEndian = false, uint fraction = 250, uint linkType = PcapLayout.EthernetLinkType)
    {
        using var stream = new MemoryStream();
        var header = new byte[PcapLayout.FileHeaderLength];
        Write(header, 0, nanosecond ? PcapLayout.NanosecondMagic : PcapLayout.MicrosecondMagic, bigEndian);
        Write(header, PcapLayout.SnapLength, 65535, bigEndian);
        Write(header, PcapLayout.LinkType, linkType, bigEndian);
        stream.Write(header);
        uint second = 0;
        foreach (var frame in frames)
        {
            var record = new byte[PcapLayout.RecordHeaderLength];
            Write(record, PcapLayout.TimestampSeconds, second++, bigEndian);
            Write(record, PcapLayout.TimestampFraction, fraction, bigEndian);
            Write(record, PcapLayout.IncludedLength, (uint)frame.Length, bigEndian);
            Write(record, PcapLayout.OriginalLength, (uint)frame.Length, bigEndian);
            stream.Write(record);
            stream.Write(frame);
        }
        return stream.ToArray();
    }

    private static void Write(byte[] bytes, int offset, uint value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(offset), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);
        }
    }
}
