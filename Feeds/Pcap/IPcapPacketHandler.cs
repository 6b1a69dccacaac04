namespace Feeds.Pcap;

/// <summary>Takes the captured frames a <see cref="PcapFileReader"/> reads, in file order.</summary>
public interface IPcapPacketHandler
{
    /// <summary>One captured frame (link layer first) and its capture time in nanoseconds since the epoch; valid only during the call.</summary>
    void OnPacket(ReadOnlySpan<byte> frame, long timestampNs);
}
