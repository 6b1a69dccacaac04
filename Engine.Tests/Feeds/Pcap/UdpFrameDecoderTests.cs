using Engine.Tests.Support;
using CsCheck;
using Feeds.Pcap;

namespace Engine.Tests.Feeds.Pcap;

public sealed class UdpFrameDecoderTests
{
    private static readonly byte[] s_payload = [10, 20, 30, 40, 50];

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void TryDecode_UdpOverIpv4WithOrWithoutVlanTags_GivesThePayloadAndPort(int tags)
    {
        var status = UdpFrameDecoder.TryDecode(PcapBuilder.UdpFrame(s_payload, 18001, tags), out var payload, out ushort port);

        Assert.That(status, Is.EqualTo(UdpFrameStatus.Udp));
        Assert.That(payload.ToArray(), Is.EqualTo(s_payload));
        Assert.That(port, Is.EqualTo(18001));
    }

    [Test]
    public void TryDecode_EthernetPadding_IsNotPartOfThePayload()
    {
        UdpFrameDecoder.TryDecode(PcapBuilder.UdpFrame(s_payload, padding: 20), out var payload, out _);

        Assert.That(payload.ToArray(), Is.EqualTo(s_payload));
    }

    [Test]
    public void TryDecode_NotIpv4_IsSkipped()
    {
        var frame = PcapBuilder.UdpFrame(s_payload, vlanTags: 0);
        frame[PacketLayout.EtherType] = 0x86;
        frame[PacketLayout.EtherType + 1] = 0xDD;

        Assert.That(UdpFrameDecoder.TryDecode(frame, out _, out _), Is.EqualTo(UdpFrameStatus.NotIpv4));
    }

    [Test]
    public void TryDecode_Tcp_IsNotUdp()
    {
        Assert.That(UdpFrameDecoder.TryDecode(PcapBuilder.UdpFrame(s_payload, protocol: 6), out _, out _), Is.EqualTo(UdpFrameStatus.NotUdp));
    }

    [TestCase((ushort)0x2000)]
    [TestCase((ushort)0x0010)]
    public void TryDecode_Fragment_IsSkipped(ushort fragment)
    {
        Assert.That(UdpFrameDecoder.TryDecode(PcapBuilder.UdpFrame(s_payload, fragment: fragment), out _, out _), Is.EqualTo(UdpFrameStatus.Fragment));
    }

    [Test]
    public void TryDecode_DontFragmentFlag_IsStillADatagram()
    {
        Assert.That(UdpFrameDecoder.TryDecode(PcapBuilder.UdpFrame(s_payload, fragment: 0x4000), out _, out _), Is.EqualTo(UdpFrameStatus.Udp));
    }

    [Test]
    public void TryDecode_IpVersionSix_IsABadHeader()
    {
        var frame = PcapBuilder.UdpFrame(s_payload, vlanTags: 0);
        frame[PacketLayout.EthernetHeaderLength] = 0x65;

        Assert.That(UdpFrameDecoder.TryDecode(frame, out _, out _), Is.EqualTo(UdpFrameStatus.BadHeader));
    }

    [Test]
    public void TryDecode_EveryTruncation_IsTruncatedNeverAThrow()
    {
        var frame = PcapBuilder.UdpFrame(s_payload);
        for (int length = 0; length < frame.Length; length++)
        {
            Assert.That(UdpFrameDecoder.TryDecode(frame.AsSpan(0, length), out _, out _), Is.EqualTo(UdpFrameStatus.Truncated), $"length {length}");
        }
    }

    [Test]
    public void TryDecode_RandomBytes_NeverThrowsAndAPayloadLiesInsideTheFrame()
    {
        FuzzGuard.AssertCompletes(() =>
        {
            Gen.Byte.Array[0, 120].Sample(bytes =>
            {
                var status = UdpFrameDecoder.TryDecode(bytes, out var payload, out _);
                return status != UdpFrameStatus.Udp || payload.Length <= bytes.Length;
            });
        });
    }
}
