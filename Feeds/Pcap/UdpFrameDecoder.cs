using System.Buffers.Binary;

namespace Feeds.Pcap;

/// <summary>Finds the UDP payload in an Ethernet II frame: optional 802.1Q tags, IPv4, UDP.</summary>
/// <remarks>Pure function of its input; allocates nothing; any thread.</remarks>
public static class UdpFrameDecoder
{
    /// <summary>
    /// The UDP payload of <paramref name="frame"/> and its destination port, if it holds a whole
    /// datagram; otherwise a status that says why not.
    /// </summary>
    public static UdpFrameStatus TryDecode(ReadOnlySpan<byte> frame, out ReadOnlySpan<byte> payload, out ushort destinationPort)
    {
        payload = default;
        destinationPort = 0;
        if (frame.Length < PacketLayout.EthernetHeaderLength)
        {
            return UdpFrameStatus.Truncated;
        }
        int offset = PacketLayout.EtherType;
        ushort etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
        for (int tags = 0; tags < PacketLayout.MaxVlanTags && IsVlan(etherType); tags++)
        {
            offset += PacketLayout.VlanTagLength;
            if (frame.Length < offset + 2)
            {
                return UdpFrameStatus.Truncated;
            }
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
        }
        if (etherType != PacketLayout.Ipv4EtherType)
        {
            return UdpFrameStatus.NotIpv4;
        }
        return TryDecodeIpv4(frame[(offset + 2)..], out payload, out destinationPort);
    }

    private static bool IsVlan(ushort etherType) =>
        etherType is PacketLayout.VlanEtherType or PacketLayout.ServiceVlanEtherType or PacketLayout.LegacyQinQEtherType;

    private static UdpFrameStatus TryDecodeIpv4(ReadOnlySpan<byte> ip, out ReadOnlySpan<byte> payload, out ushort destinationPort)
    {
        payload = default;
        destinationPort = 0;
        if (ip.Length < PacketLayout.Ipv4MinHeaderLength)
        {
            return UdpFrameStatus.Truncated;
        }
        byte versionAndLength = ip[PacketLayout.Ipv4VersionAndLength];
        int headerLength = (versionAndLength & 0x0F) * 4;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[PacketLayout.Ipv4TotalLength..]);
        if (versionAndLength >> 4 != 4 || headerLength < PacketLayout.Ipv4MinHeaderLength || totalLength < headerLength)
        {
            return UdpFrameStatus.BadHeader;
        }
        if (ip.Length < totalLength)
        {
            return UdpFrameStatus.Truncated;
        }
        if ((BinaryPrimitives.ReadUInt16BigEndian(ip[PacketLayout.Ipv4FlagsAndFragment..]) & PacketLayout.Ipv4FragmentMask) != 0)
        {
            return UdpFrameStatus.Fragment;
        }
        if (ip[PacketLayout.Ipv4Protocol] != PacketLayout.UdpProtocol)
        {
            return UdpFrameStatus.NotUdp;
        }
        // Ethernet pads short frames: the IPv4 total length, not the frame, says where the datagram ends.
        var udp = ip[headerLength..totalLength];
        if (udp.Length < PacketLayout.UdpHeaderLength)
        {
            return UdpFrameStatus.Truncated;
        }
        int udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[PacketLayout.UdpLength..]);
        if (udpLength < PacketLayout.UdpHeaderLength)
        {
            return UdpFrameStatus.BadHeader;
        }
        if (udp.Length < udpLength)
        {
            return UdpFrameStatus.Truncated;
        }
        destinationPort = BinaryPrimitives.ReadUInt16BigEndian(udp[PacketLayout.UdpDestinationPort..]);
        payload = udp[PacketLayout.UdpHeaderLength..udpLength];
        return UdpFrameStatus.Udp;
    }
}
