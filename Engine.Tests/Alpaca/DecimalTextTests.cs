using System.Globalization;
using System.Text;
using CsCheck;
using Feeds.Alpaca;

namespace Engine.Tests.Alpaca;

public sealed class DecimalTextTests
{
    private static (bool Ok, long Ticks, bool Rounded) Parse(string text, int decimals = 4)
    {
        bool ok = DecimalText.TryParseTicks(Encoding.ASCII.GetBytes(text), decimals, out long ticks, out bool rounded);
        return (ok, ticks, rounded);
    }

    [TestCase("126.55", 4, 1_265_500L)]
    [TestCase("87.6", 4, 876_000L)]
    [TestCase("0.0001", 4, 1L)]
    [TestCase("-1.5", 4, -15_000L)]
    [TestCase("-0", 4, 0L)]
    [TestCase("389", 4, 3_890_000L)]
    [TestCase("389", 0, 389L)]
    [TestCase("1e2", 4, 1_000_000L)]
    [TestCase("1.2345E1", 4, 123_450L)]
    [TestCase("12345e-4", 4, 12_345L)]
    [TestCase("0.000000001", 9, 1L)]
    [TestCase("922337203685477.5807", 4, long.MaxValue)]
    public void TryParseTicks_ExactNumber_GivesExactTicks(string text, int decimals, long expected)
    {
        Assert.That(Parse(text, decimals), Is.EqualTo((true, expected, false)));
    }

    [TestCase("126.55005", 1_265_501L)]
    [TestCase("126.55004", 1_265_500L)]
    [TestCase("-126.55005", -1_265_501L)]
    [TestCase("0.00005", 1L)]
    [TestCase("5e-5", 1L)]
    [TestCase("5e-6", 0L)]
    public void TryParseTicks_DigitsPastTheScale_RoundHalfAwayFromZero(string text, long expected)
    {
        Assert.That(Parse(text), Is.EqualTo((true, expected, true)));
    }

    [TestCase("")]
    [TestCase("-")]
    [TestCase("1.")]
    [TestCase(".5")]
    [TestCase("1e")]
    [TestCase("1e+")]
    [TestCase("12a")]
    [TestCase("1.2.3")]
    [TestCase("922337203685477.5808")]
    [TestCase("1e400")]
    [TestCase("99999999999999999999")]
    public void TryParseTicks_BadOrTooLargeText_ReturnsFalse(string text)
    {
        Assert.That(Parse(text).Ok, Is.False);
    }

    [Test]
    public void TryParseTicks_AnyTicksFormattedAtTheirScale_RoundTrips()
    {
        Gen.Select(Gen.Long[-long.MaxValue, long.MaxValue], Gen.Int[0, 9]).Sample((ticks, decimals) =>
        {
            decimal value = ticks / (decimal)Math.Pow(10, decimals);
            string text = value.ToString(CultureInfo.InvariantCulture);
            return DecimalText.TryParseTicks(Encoding.ASCII.GetBytes(text), decimals, out long parsed, out bool rounded) && parsed == ticks && !rounded;
        }, iter: 10_000);
    }

    [TestCase(1_265_500L, 4, "126.55")]
    [TestCase(1_000_000L, 4, "100")]
    [TestCase(5L, 4, "0.0005")]
    [TestCase(0L, 2, "0")]
    [TestCase(-1_234L, 2, "-12.34")]
    [TestCase(42L, 0, "42")]
    [TestCase(long.MinValue, 4, "-922337203685477.5808")]
    public void Format_Ticks_IsTheExactDecimalWithoutTrailingZeros(long ticks, int decimals, string expected)
    {
        Assert.That(DecimalText.Format(ticks, decimals), Is.EqualTo(expected));
    }
}
