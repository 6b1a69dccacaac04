using Engine.Tests.Support;
using Feeds;
using Feeds.Instruments;
using Feeds.Itch;
using Feeds.MoldUdp;

namespace Engine.Tests.Feeds.Itch;

public sealed class ItchDecoderAllocationTests
{
    private sealed class CountingSink : IMarketDataSink
    {
        public long Events;

        public void Publish(in MarketDataEvent marketEvent) => Events++;
    }

    [Test]
    public void DecodeAll_WarmedDecoderOverTheRitchSample_AllocatesNothing()
    {
        var file = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root(), "testdata", "itch50", "ex20101224.TEST_ITCH_50"));
        var sink = new CountingSink();
        var reader = new ItchBinaryFileReader(new ItchDecoder(new InstrumentTable(16), sink));
        reader.DecodeAll(file, 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int pass = 0; pass < 5; pass++)
        {
            reader.DecodeAll(file, 0);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(sink.Events, Is.EqualTo(6 * 12_003));
    }

    [Test]
    public void Process_WarmedMoldSessionAndDecoder_AllocateNothingPerPacket()
    {
        var sink = new CountingSink();
        var session = new MoldUdp64Session(new ItchDecoder(new InstrumentTable(16), sink), sink);
        var packets = Enumerable.Range(0, 100)
            .Select(i => MoldUdp.MoldUdp64PacketBuilder.Packet("S", (ulong)(1 + (2 * i)),
                ItchMessageBuilder.AddOrder(1, (ulong)i, 'B', 100, "ABC", 1000), ItchMessageBuilder.Delete(1, (ulong)i)))
            .ToArray();
        session.Process(packets[0], 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i < packets.Length; i++)
        {
            session.Process(packets[i], 0);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That(sink.Events, Is.EqualTo(200));
    }
}
