using System.Text;
using Feeds.Kraken;

namespace Engine.Tests.Kraken;

public sealed class KrakenDecimalTests
{
    [TestCase("0.000022900", 22_900L, 9)]
    [TestCase("13355.87450757", 1_335_587_450_757L, 8)]
    [TestCase("0.00000000", 0L, 8)]
    [TestCase("5", 5L, 0)]
    [TestCase("5.", 5L, 0)]
    [TestCase(".5", 5L, 1)]
    [TestCase("000000000000000000000000001.5", 15L, 1)]
    [TestCase("999999999999999999", 999_999_999_999_999_999L, 0)]
    public void TryParse_UnsignedDecimal_GivesItsDigitsAndDecimals(string text, long digits, int decimals)
    {
        Assert.That(KrakenDecimal.TryParse(Encoding.ASCII.GetBytes(text), out long parsedDigits, out int parsedDecimals), Is.True);
        Assert.That((parsedDigits, parsedDecimals), Is.EqualTo((digits, decimals)));
    }

    [TestCase("")]
    [TestCase(".")]
    [TestCase("1.2.3")]
    [TestCase("-1")]
    [TestCase("+1")]
    [TestCase("1e5")]
    [TestCase(" 1")]
    [TestCase("1000000000000000000")]
    public void TryParse_NotAnUnsignedDecimalOf18Digits_ReturnsFalse(string text)
    {
        Assert.That(KrakenDecimal.TryParse(Encoding.ASCII.GetBytes(text), out _, out _), Is.False);
    }

    [TestCase(22_900L, 9, 9, 22_900L)]
    [TestCase(1005L, 1, 3, 100_500L)]
    [TestCase(10_060L, 2, 1, 1006L)]
    [TestCase(0L, 40, 2, 0L)]
    public void TryRescale_ExactValue_GivesUnitsOfTheTarget(long digits, int decimals, int target, long expected)
    {
        Assert.That(KrakenDecimal.TryRescale(digits, decimals, target, out long value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase(10_055L, 2, 1)]
    [TestCase(999_999_999_999_999_999L, 0, 2)]
    [TestCase(1L, 0, 19)]
    [TestCase(1L, 20, 0)]
    public void TryRescale_LossyOrTooLarge_ReturnsFalse(long digits, int decimals, int target)
    {
        Assert.That(KrakenDecimal.TryRescale(digits, decimals, target, out _), Is.False);
    }

    [TestCase("1618678132.8258188", 1_618_678_132_825_818_800L)]
    [TestCase("1618678132.123456789123", 1_618_678_132_123_456_789L)]
    [TestCase("1618678132", 1_618_678_132_000_000_000L)]
    public void TryParseSecondsToNs_EpochSeconds_GivesNanoseconds(string text, long expected)
    {
        Assert.That(KrakenDecimal.TryParseSecondsToNs(Encoding.ASCII.GetBytes(text), out long ns), Is.True);
        Assert.That(ns, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase(".")]
    [TestCase("1.2.3")]
    [TestCase("1.5x")]
    [TestCase("9300000000")]
    public void TryParseSecondsToNs_NotATimeInRange_ReturnsFalse(string text)
    {
        Assert.That(KrakenDecimal.TryParseSecondsToNs(Encoding.ASCII.GetBytes(text), out _), Is.False);
    }
}
