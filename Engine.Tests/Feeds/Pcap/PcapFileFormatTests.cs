using System.Buffers.Binary;
using Feeds.Pcap;

namespace Engine.Tests.Feeds.Pcap;

public sealed class PcapFileFormatTests
{
    [Test]
    public void TryRead_OmiCaptureHeader_IsLittleEndianNanosecondEthernet()
    {
        byte[] header = [0x4d, 0x3c, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0];

        Assert.That(PcapFileFormat.TryRead(header, out var format), Is.True);
        Assert.That(format, Is.EqualTo(new PcapFileFormat(BigEndian: false, Nanosecond: true, LinkType: 1)));
    }

    [Test]
    public void TryRead_PcapngMagic_IsRefused()
    {
        var header = new byte[PcapLayout.FileHeaderLength];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x0A0D0D0A);

        Assert.That(PcapFileFormat.TryRead(header, out _), Is.False);
    }

    [Test]
    public void TimestampNs_MicrosecondFile_ScalesTheFraction()
    {
        var format = new PcapFileFormat(BigEndian: true, Nanosecond: false, LinkType: 1);
        var record = new byte[PcapLayout.RecordHeaderLength];
        BinaryPrimitives.WriteUInt32BigEndian(record, 1_692_711_000);
        BinaryPrimitives.WriteUInt32BigEndian(record.AsSpan(PcapLayout.TimestampFraction), 999_999);

        Assert.That(format.TimestampNs(record), Is.EqualTo(1_692_711_000_999_999_000));
    }
}
