using Feeds.MoldUdp;

namespace Feeds.Pcap;

/// <summary>
/// Turns captured frames into MoldUDP64 packets: every UDP datagram's payload goes to one
/// <see cref="MoldUdp64Session"/>; frames that hold none are counted per <see cref="UdpFrameStatus"/>.
/// </summary>
/// <remarks>
/// One stream per feed: a capture that mixes several MoldUDP64 streams needs one feed per stream.
/// The capture time becomes the receive time of each message. One thread; allocates nothing per frame.
/// </remarks>
public sealed class PcapMoldUdp64Feed : IPcapPacketHandler
{
    private readonly MoldUdp64Session _session;
    private readonly long[] _byStatus = new long[Enum.GetValues<UdpFrameStatus>().Length];

    /// <summary>Creates a feed that hands datagrams to <paramref name="session"/>.</summary>
    public PcapMoldUdp64Feed(MoldUdp64Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
    }

    /// <summary>Frames seen.</summary>
    public long Frames { get; private set; }

    /// <summary>Frames malformed at the IP or UDP layer (<see cref="UdpFrameStatus.Truncated"/>, <see cref="UdpFrameStatus.BadHeader"/>).</summary>
    public long MalformedFrames => WithStatus(UdpFrameStatus.Truncated) + WithStatus(UdpFrameStatus.BadHeader);

    /// <summary>Frames that ended with <paramref name="status"/> (<see cref="UdpFrameStatus.Udp"/>: datagrams handed on).</summary>
    public long WithStatus(UdpFrameStatus status) => _byStatus[(int)status];

    /// <inheritdoc />
    public void OnPacket(ReadOnlySpan<byte> frame, long timestampNs)
    {
        Frames++;
        var status = UdpFrameDecoder.TryDecode(frame, out var payload, out _);
        _byStatus[(int)status]++;
        if (status == UdpFrameStatus.Udp)
        {
            _session.Process(payload, timestampNs);
        }
    }
}
