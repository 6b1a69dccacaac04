using Feeds.Itch;

namespace Engine.Tests.Feeds.Itch;

public sealed class ItchMessageReaderTests
{
    [Test]
    public void Header_BuiltMessage_ReadsTypeLocateTrackingAndA48BitTimestamp()
    {
        var bytes = new ItchMessageBuilder(ItchMessageType.SystemEvent, locate: 0xBEEF, tracking: 0x1234, timestampNs: 0xFFFF_FFFF_FFFF).Bytes;

        var reader = new ItchMessageReader(bytes);

        Assert.That(reader.Type, Is.EqualTo(ItchMessageType.SystemEvent));
        Assert.That(reader.StockLocate, Is.EqualTo(0xBEEF));
        Assert.That(reader.TrackingNumber, Is.EqualTo(0x1234));
        Assert.That(reader.TimestampNs, Is.EqualTo(0xFFFF_FFFF_FFFF));
    }

    [Test]
    public void Fields_BigEndianValues_ReadBackUnsigned()
    {
        var bytes = new ItchMessageBuilder(ItchMessageType.OrderReplace)
            .U64(ItchLayout.OrderReplace.OriginalOrderReference, ulong.MaxValue)
            .U32(ItchLayout.OrderReplace.Price, uint.MaxValue).Bytes;

        var reader = new ItchMessageReader(bytes);

        Assert.That(reader.UInt64(ItchLayout.OrderReplace.OriginalOrderReference), Is.EqualTo(ulong.MaxValue));
        Assert.That(reader.PriceTicks(ItchLayout.OrderReplace.Price), Is.EqualTo((long)uint.MaxValue));
    }

    [Test]
    public void Stock_PaddedSymbol_KeepsItsPadding()
    {
        var bytes = ItchMessageBuilder.Directory(1, "AB");

        Assert.That(new ItchMessageReader(bytes).Stock(ItchLayout.StockDirectory.Stock).ToArray(), Is.EqualTo("AB      "u8.ToArray()));
    }

    [Test]
    public void PeekType_EmptySpan_IsZero()
    {
        Assert.That(ItchMessageReader.PeekType([]), Is.Zero);
        Assert.That(ItchMessageReader.PeekType("P"u8), Is.EqualTo((byte)'P'));
    }
}
