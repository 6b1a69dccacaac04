using Feeds.MoldUdp;

namespace Engine.Tests.Feeds.MoldUdp;

public sealed class MoldUdp64PacketReaderTests
{
    [Test]
    public void TryReadNext_BuiltPacket_GivesHeaderAndEveryBlockThenFalse()
    {
        var packet = MoldUdp64PacketBuilder.Packet("NASDAQ0001", 0x0102030405060708, [1, 2, 3], [], [4]);

        Assert.That(MoldUdp64PacketReader.TryCreate(packet, out var reader), Is.True);
        Assert.That(reader.Session.ToArray(), Is.EqualTo("NASDAQ0001"u8.ToArray()));
        Assert.That(reader.SequenceNumber, Is.EqualTo(0x0102030405060708UL));
        Assert.That(reader.MessageCount, Is.EqualTo(3));
        Assert.That(reader.TryReadNext(out var first) && first.SequenceEqual(new byte[] { 1, 2, 3 }), Is.True);
        Assert.That(reader.TryReadNext(out var empty) && empty.IsEmpty, Is.True);
        Assert.That(reader.TryReadNext(out var last) && last.SequenceEqual(new byte[] { 4 }), Is.True);
        Assert.That(reader.TryReadNext(out _), Is.False);
        Assert.That(reader.RemainingBytes, Is.Zero);
    }

    [Test]
    public void TryCreate_ShorterThanTheHeader_IsFalse()
    {
        Assert.That(MoldUdp64PacketReader.TryCreate(new byte[MoldUdp64Layout.HeaderLength - 1], out _), Is.False);
    }

    [Test]
    public void IsEndOfSession_CountFFFF_IsTrueAndReadsNoBlock()
    {
        MoldUdp64PacketReader.TryCreate(MoldUdp64PacketBuilder.EndOfSession("S", 9), out var reader);

        Assert.That(reader.IsEndOfSession, Is.True);
        Assert.That(reader.TryReadNext(out _), Is.False);
    }
}
