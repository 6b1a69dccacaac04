using Feeds.Pcap;

namespace Engine.Tests.Feeds.Pcap;

/// <summary>Keeps every frame a <see cref="PcapFileReader"/> hands over, with its timestamp.</summary>
internal sealed class RecordingPacketHandler : IPcapPacketHandler
{
    private readonly List<(byte[] Frame, long TimestampNs)> _packets = [];

    public IReadOnlyList<(byte[] Frame, long TimestampNs)> Packets => _packets;

    public void OnPacket(ReadOnlySpan<byte> frame, long timestampNs) => _packets.Add((frame.ToArray(), timestampNs));
}
