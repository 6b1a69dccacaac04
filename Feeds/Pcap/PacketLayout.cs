namespace Feeds.Pcap;

/// <summary>Byte offsets of the Ethernet, 802.1Q, IPv4 and UDP headers in front of a datagram; integers big-endian.</summary>
/// <remarks>
/// <code>
///  Ethernet II  0          6          12
///               | dst (6)  | src (6)  | ethertype (2) |
///  802.1Q tag   (ethertype 0x8100, 0x88a8 or 0x9100, then)  | TCI (2) | ethertype (2) |
///  IPv4         0               1       2              6                   9          12       16
///               | version, IHL | DSCP  | total len (2)| flags, fragment (2)| protocol | src (4) | dst (4) | options...
///  UDP          0              2              4            6
///               | src port (2) | dst port (2) | length (2) | checksum (2) | payload
/// </code>
/// </remarks>
public static class PacketLayout
{
    /// <summary>Offset of the EtherType in an Ethernet II header.</summary>
    public const int EtherType = 12;

    /// <summary>Length of an Ethernet II header without tags.</summary>
    public const int EthernetHeaderLength = 14;

    /// <summary>Length of one 802.1Q tag (TCI plus the inner EtherType).</summary>
    public const int VlanTagLength = 4;

    /// <summary>EtherType of IPv4.</summary>
    public const ushort Ipv4EtherType = 0x0800;

    /// <summary>EtherType of an 802.1Q VLAN tag.</summary>
    public const ushort VlanEtherType = 0x8100;

    /// <summary>EtherType of an 802.1ad service tag (outer tag of QinQ).</summary>
    public const ushort ServiceVlanEtherType = 0x88a8;

    /// <summary>The pre-standard QinQ EtherType.</summary>
    public const ushort LegacyQinQEtherType = 0x9100;

    /// <summary>Most VLAN tags followed before giving up.</summary>
    public const int MaxVlanTags = 2;

    /// <summary>Offset of version (high nibble) and header length in 32-bit words (low nibble) in IPv4.</summary>
    public const int Ipv4VersionAndLength = 0;

    /// <summary>Offset of the IPv4 total length (u16).</summary>
    public const int Ipv4TotalLength = 2;

    /// <summary>Offset of the IPv4 flags and fragment offset (u16).</summary>
    public const int Ipv4FlagsAndFragment = 6;

    /// <summary>Offset of the IPv4 protocol.</summary>
    public const int Ipv4Protocol = 9;

    /// <summary>Shortest IPv4 header.</summary>
    public const int Ipv4MinHeaderLength = 20;

    /// <summary>Mask of the more-fragments flag and the fragment offset: non-zero means a fragment.</summary>
    public const ushort Ipv4FragmentMask = 0x3FFF;

    /// <summary>IP protocol number of UDP.</summary>
    public const byte UdpProtocol = 17;

    /// <summary>Offset of the UDP destination port (u16).</summary>
    public const int UdpDestinationPort = 2;

    /// <summary>Offset of the UDP length (u16, header included).</summary>
    public const int UdpLength = 4;

    /// <summary>Length of the UDP header.</summary>
    public const int UdpHeaderLength = 8;
}
