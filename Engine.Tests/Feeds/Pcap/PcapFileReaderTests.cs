using System.IO.Pipelines;
using CsCheck;
using Engine.Tests.Support;
using Feeds.Pcap;

namespace Engine.Tests.Feeds.Pcap;

public sealed class PcapFileReaderTests
{
    private static readonly byte[][] s_frames = [[1, 2, 3], new byte[60], [9]];

    [TestCase(true, false, 250L)]
    [TestCase(false, false, 250_000L)]
    [TestCase(true, true, 250L)]
    [TestCase(false, true, 250_000L)]
    public void Read_EveryMagicAndByteOrder_HandsOverEachFrameWithItsTimeInNanoseconds(bool nanosecond, bool bigEndian, long fractionNs)
    {
        var handler = new RecordingPacketHandler();
        var reader = new PcapFileReader(handler);

        var status = reader.Read(PcapBuilder.File(s_frames, nanosecond, bigEndian));

        Assert.That(status, Is.EqualTo(PcapReadStatus.Completed));
        Assert.That(reader.Records, Is.EqualTo(3));
        Assert.That(reader.Format, Is.EqualTo(new PcapFileFormat(bigEndian, nanosecond, PcapLayout.EthernetLinkType)));
        Assert.That(handler.Packets.Select(p => p.Frame), Is.EqualTo(s_frames));
        Assert.That(handler.Packets.Select(p => p.TimestampNs), Is.EqualTo(new[] { fractionNs, 1_000_000_000 + fractionNs, 2_000_000_000 + fractionNs }));
    }

    [Test]
    public void Read_NoPcapMagic_IsBadMagicAndReadsNothing()
    {
        var file = PcapBuilder.File(s_frames);
        file[0] ^= 0xFF;
        var handler = new RecordingPacketHandler();

        Assert.That(new PcapFileReader(handler).Read(file), Is.EqualTo(PcapReadStatus.BadMagic));
        Assert.That(handler.Packets, Is.Empty);
    }

    [Test]
    public void Read_LinkTypeOtherThanEthernet_IsUnsupported()
    {
        Assert.That(new PcapFileReader(new RecordingPacketHandler()).Read(PcapBuilder.File(s_frames, linkType: 101)), Is.EqualTo(PcapReadStatus.UnsupportedLinkType));
    }

    [Test]
    public void Read_RecordLengthBeyondTheMaximum_StopsAsCorruptAfterTheGoodRecords()
    {
        var file = PcapBuilder.File(s_frames);
        int second = PcapLayout.FileHeaderLength + PcapLayout.RecordHeaderLength + s_frames[0].Length;
        file[second + PcapLayout.IncludedLength + 3] = 0x7F;
        var handler = new RecordingPacketHandler();

        Assert.That(new PcapFileReader(handler).Read(file), Is.EqualTo(PcapReadStatus.CorruptRecord));
        Assert.That(handler.Packets, Has.Count.EqualTo(1));
    }

    [Test]
    public void Read_FileCutInsideARecord_IsTruncatedAfterTheWholeRecords()
    {
        var file = PcapBuilder.File(s_frames);
        var handler = new RecordingPacketHandler();

        Assert.That(new PcapFileReader(handler).Read(file.AsSpan(0, file.Length - 1)), Is.EqualTo(PcapReadStatus.Truncated));
        Assert.That(handler.Packets, Has.Count.EqualTo(2));
    }

    [Test]
    public void Read_FileShorterThanItsHeader_IsTruncated()
    {
        Assert.That(new PcapFileReader(new RecordingPacketHandler()).Read(new byte[10]), Is.EqualTo(PcapReadStatus.Truncated));
    }

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(17)]
    [TestCase(4096)]
    public void ReadAsync_RecordsCutAcrossSegments_ReadsTheSameAsInMemory(int chunk)
    {
        var handler = new RecordingPacketHandler();
        var reader = new PcapFileReader(handler);
        var task = reader.ReadAsync(PipeReader.Create(ChunkedSequence.Split(PcapBuilder.File(s_frames), chunk)), CancellationToken.None);

        Assert.That(task.Wait(TestTimeouts.Join), Is.True);
        Assert.That(task.Result, Is.EqualTo(PcapReadStatus.Completed));
        Assert.That(handler.Packets.Select(p => p.Frame), Is.EqualTo(s_frames));
    }

    [Test]
    public void ReadAsync_RandomlyDamagedAndChunkedFiles_EndLikeTheInMemoryRead()
    {
        FuzzGuard.AssertCompletes(() =>
        {
            var valid = PcapBuilder.File(s_frames);
            var damage = Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Array[0, 4];
            Gen.Select(damage, Gen.Int[1, 40].Array[1, 6], Gen.Int[0, valid.Length]).Sample((edits, chunks, cut) =>
            {
                var bytes = valid[..cut];
                foreach (var (position, value) in edits)
                {
                    if (position < bytes.Length)
                    {
                        bytes[position] = value;
                    }
                }
                var memory = new RecordingPacketHandler();
                var memoryStatus = new PcapFileReader(memory).Read(bytes);
                var piped = new RecordingPacketHandler();
                var task = new PcapFileReader(piped).ReadAsync(PipeReader.Create(ChunkedSequence.Split(bytes, chunks)), CancellationToken.None);
                return task.Wait(TestTimeouts.Join) && task.Result == memoryStatus && piped.Packets.Count == memory.Packets.Count;
            });
        });
    }

    [Test]
    public void Read_RandomBytes_NeverThrowsAndAlwaysEnds()
    {
        FuzzGuard.AssertCompletes(() =>
        {
            Gen.Byte.Array[0, 200].Sample(bytes =>
            {
                var status = new PcapFileReader(new RecordingPacketHandler()).Read(bytes);
                return status != PcapReadStatus.Reading;
            });
        });
    }

    [Test]
    public void Read_BuiltFiles_RoundTripEveryFrameInBothByteOrders()
    {
        Gen.Select(Gen.Byte.Array[0, 100].Array[0, 10], Gen.Bool, Gen.Bool).Sample((frames, nanosecond, bigEndian) =>
        {
            var handler = new RecordingPacketHandler();
            var status = new PcapFileReader(handler).Read(PcapBuilder.File(frames, nanosecond, bigEndian));
            return status == PcapReadStatus.Completed
                && handler.Packets.Count == frames.Length
                && handler.Packets.Select(p => p.Frame).Zip(frames).All(pair => pair.First.SequenceEqual(pair.Second));
        });
    }
}
