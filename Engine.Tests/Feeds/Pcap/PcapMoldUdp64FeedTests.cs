using Engine.Tests.Feeds.Itch;
using Engine.Tests.Feeds.MoldUdp;
using Engine.Tests.Feeds.Synthetic;
using Feeds;
using Feeds.Instruments;
using Feeds.Itch;
using Feeds.MoldUdp;
using Feeds.Pcap;

namespace Engine.Tests.Feeds.Pcap;

public sealed class PcapMoldUdp64FeedTests
{
    [Test]
    public void OnPacket_CaptureOfMoldPacketsWithAGap_DecodesTheItchAndReportsTheGapInOrder()
    {
        const string session = "TEST000001";
        byte[][] frames =
        [
            PcapBuilder.UdpFrame(MoldUdp64PacketBuilder.Packet(session, 1, ItchMessageBuilder.Directory(5, "ABC"), ItchMessageBuilder.AddOrder(5, 1, 'B', 100, "ABC", 1000))),
            PcapBuilder.UdpFrame([1, 2, 3], protocol: 6),
            PcapBuilder.UdpFrame(MoldUdp64PacketBuilder.Packet(session, 5, ItchMessageBuilder.Delete(5, 1)), vlanTags: 0),
        ];
        var sink = new RecordingSink();
        var decoder = new ItchDecoder(new InstrumentTable(4), sink);
        var mold = new MoldUdp64Session(decoder, sink);
        var feed = new PcapMoldUdp64Feed(mold);

        var status = new PcapFileReader(feed).Read(PcapBuilder.File(frames));

        Assert.That(status, Is.EqualTo(PcapReadStatus.Completed));
        Assert.That(feed.Frames, Is.EqualTo(3));
        Assert.That(feed.WithStatus(UdpFrameStatus.Udp), Is.EqualTo(2));
        Assert.That(feed.WithStatus(UdpFrameStatus.NotUdp), Is.EqualTo(1));
        Assert.That(sink.Events.Select(e => e.Kind), Is.EqualTo(new[] { MarketDataKind.Add, MarketDataKind.FeedStatus, MarketDataKind.Delete }));
        Assert.That(sink.Events.Select(e => e.Sequence), Is.EqualTo(new long[] { 2, 3, 5 }));
        Assert.That(sink.Events[2].TsRecvNs, Is.EqualTo(2_000_000_250));
        Assert.That(mold.MissingMessages, Is.EqualTo(2));
    }
}
