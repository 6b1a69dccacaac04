using Feeds.Lobster;

namespace Engine.Tests.Feeds.Lobster;

public sealed class LobsterOrderbookReaderTests
{
    [Test]
    public void TryRead_RowsWithAndWithoutHeader_GiveTheSameValues()
    {
        const string Row = "5859400,200,5853300,18,9999999999,0,-9999999999,0";
        var plain = new LobsterOrderbookReader(new StringReader(Row), "o.csv", levels: 2);
        var headed = new LobsterOrderbookReader(new StringReader("AskPrice1,AskSize1,BidPrice1,BidSize1,AskPrice2,AskSize2,BidPrice2,BidSize2\n" + Row), "o.csv", levels: 2);
        var first = new long[8];
        var second = new long[8];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plain.TryRead(first, out var plainReason) && plainReason == LobsterLineReason.Ok, Is.True);
            Assert.That(headed.TryRead(second, out var headedReason) && headedReason == LobsterLineReason.Ok, Is.True);
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first, Is.EqualTo(new[] { 5859400L, 200, 5853300, 18, 9999999999, 0, -9999999999, 0 }));
            Assert.That(headed.LineNumber, Is.EqualTo(2));
            Assert.That(plain.TryRead(first, out _), Is.False);
        }
    }

    [Test]
    public void TryRead_ShortRow_IsCountedWithItsLineNumber()
    {
        var reader = new LobsterOrderbookReader(new StringReader("1,2,3,4\n1,2,3\n"), "o.csv", levels: 1);
        var row = new long[4];

        reader.TryRead(row, out var good);
        reader.TryRead(row, out var bad);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(good, Is.EqualTo(LobsterLineReason.Ok));
            Assert.That(bad, Is.EqualTo(LobsterLineReason.WrongFieldCount));
            Assert.That(reader.Problems, Is.EqualTo(new[] { new LobsterProblem("o.csv", 2, LobsterLineReason.WrongFieldCount) }));
        }
    }

    [TestCase(9_999_999_999L, 0L, true)]
    [TestCase(-9_999_999_999L, 0L, true)]
    [TestCase(5_853_300L, 0L, true)]
    [TestCase(5_853_300L, 18L, false)]
    public void IsEmptyLevel_DummyOrZeroSize_IsEmpty(long price, long size, bool empty)
    {
        Assert.That(LobsterOrderbookReader.IsEmptyLevel(price, size), Is.EqualTo(empty));
    }
}
