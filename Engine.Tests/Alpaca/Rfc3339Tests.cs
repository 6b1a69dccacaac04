using System.Text;
using Feeds.Alpaca;

namespace Engine.Tests.Alpaca;

public sealed class Rfc3339Tests
{
    private static long? Parse(string text) => Rfc3339.TryParseUnixNs(Encoding.ASCII.GetBytes(text), out long ns) ? ns : null;

    [Test]
    public void TryParseUnixNs_NanosecondTimestamp_KeepsEveryDigit()
    {
        Assert.That(Parse("2021-02-22T15:51:45.335689322Z"), Is.EqualTo(AlpacaTestData.UnixNs(2021, 2, 22, 15, 51, 45, 335_689_322)));
    }

    [TestCase("2021-02-22T15:51:44.208Z", 208_000_000L)]
    [TestCase("2021-02-22T15:51:44.3355677Z", 335_567_700L)]
    [TestCase("2021-02-22T15:51:44Z", 0L)]
    [TestCase("2021-02-22t15:51:44z", 0L)]
    public void TryParseUnixNs_ShorterFractions_ArePaddedToNanoseconds(string text, long fractionNs)
    {
        Assert.That(Parse(text), Is.EqualTo(AlpacaTestData.UnixNs(2021, 2, 22, 15, 51, 44, fractionNs)));
    }

    [TestCase("2021-02-22T16:51:44+01:00")]
    [TestCase("2021-02-22T10:21:44-05:30")]
    public void TryParseUnixNs_Offset_IsConvertedToUtc(string text)
    {
        Assert.That(Parse(text), Is.EqualTo(AlpacaTestData.UnixNs(2021, 2, 22, 15, 51, 44)));
    }

    [Test]
    public void TryParseUnixNs_TheEpoch_IsZero()
    {
        Assert.That(Parse("1970-01-01T00:00:00Z"), Is.Zero);
    }

    [Test]
    public void TryParseUnixNs_LeapDay_IsAccepted()
    {
        Assert.That(Parse("2024-02-29T00:00:00Z"), Is.EqualTo(AlpacaTestData.UnixNs(2024, 2, 29, 0, 0, 0)));
    }

    [TestCase("")]
    [TestCase("2021-02-22")]
    [TestCase("2021-02-22T15:51:44")]
    [TestCase("2021-13-22T15:51:44Z")]
    [TestCase("2021-02-29T15:51:44Z")]
    [TestCase("2021-02-22T24:00:00Z")]
    [TestCase("2021-02-22T15:61:44Z")]
    [TestCase("2021-02-22T15:51:44.Z")]
    [TestCase("2021-02-22T15:51:44.1234567891Z")]
    [TestCase("2021-02-22T15:51:44+1:00")]
    [TestCase("2021-02-22T15:51:44Zjunk")]
    [TestCase("2021/02/22T15:51:44Z")]
    [TestCase("0000-01-01T00:00:00Z")]
    public void TryParseUnixNs_InvalidText_ReturnsFalse(string text)
    {
        Assert.That(Parse(text), Is.Null);
    }
}
