namespace Feeds.Pcap;

/// <summary>What <see cref="UdpFrameDecoder.TryDecode"/> found in an Ethernet frame.</summary>
public enum UdpFrameStatus : byte
{
    /// <summary>A whole UDP datagram over IPv4.</summary>
    Udp,

    /// <summary>Not IPv4 (ARP, IPv6, too many VLAN tags...): skipped.</summary>
    NotIpv4,

    /// <summary>IPv4 but not UDP: skipped.</summary>
    NotUdp,

    /// <summary>An IPv4 fragment: skipped (market-data datagrams fit in one frame).</summary>
    Fragment,

    /// <summary>Malformed: a header or the datagram runs past the end of the captured frame.</summary>
    Truncated,

    /// <summary>Malformed: a header field is impossible (IP version not 4, header or UDP length too short).</summary>
    BadHeader,
}
