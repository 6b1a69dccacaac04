namespace Feeds.Kraken;

/// <summary>
/// The unsigned decimal strings Kraken sends ("0.000022900", "13355.87450757"): parsed into their
/// digits with the '.' removed (an integer) and the count of decimals, and rescaled to a fixed point.
/// </summary>
/// <remarks>
/// The digits are exactly what the book checksum hashes ("remove the '.', strip leading zeros" is the
/// decimal form of that integer), so a level keeps two longs instead of two strings. Allocation-free.
/// </remarks>
internal static class KrakenDecimal
{
    /// <summary>Most significant digits accepted: 10^18 - 1 fits a long, with room to rescale.</summary>
    public const int MaxSignificantDigits = 18;

    private static readonly long[] s_powersOfTen =
    [
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L,
    ];

    /// <summary>
    /// Parses ASCII digits with at most one '.' and at least one digit (no sign, no exponent):
    /// "13.2845" gives <paramref name="digits"/> 132845 and <paramref name="decimals"/> 4.
    /// False for anything else or more than <see cref="MaxSignificantDigits"/> significant digits.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out long digits, out int decimals)
    {
        digits = 0;
        decimals = 0;
        bool seenDot = false;
        bool seenDigit = false;
        int significant = 0;
        foreach (byte c in text)
        {
            if (c == (byte)'.')
            {
                if (seenDot)
                {
                    return false;
                }
                seenDot = true;
                continue;
            }
            uint digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }
            seenDigit = true;
            if (seenDot)
            {
                decimals++;
            }
            if ((digits != 0 || digit != 0) && ++significant > MaxSignificantDigits)
            {
                return false;
            }
            digits = (digits * 10) + digit;
        }
        return seenDigit;
    }

    /// <summary>
    /// The value <paramref name="digits"/> × 10^-<paramref name="decimals"/> in units of
    /// 10^-<paramref name="targetDecimals"/>. False if it does not fit a long or would lose a non-zero digit.
    /// </summary>
    public static bool TryRescale(long digits, int decimals, int targetDecimals, out long value)
    {
        value = 0;
        if (digits == 0)
        {
            return true;
        }
        int shift = targetDecimals - decimals;
        if (shift >= 0)
        {
            if (shift >= s_powersOfTen.Length)
            {
                return false;
            }
            long factor = s_powersOfTen[shift];
            if (digits > long.MaxValue / factor)
            {
                return false;
            }
            value = digits * factor;
            return true;
        }
        if (-shift >= s_powersOfTen.Length)
        {
            return false;
        }
        long divisor = s_powersOfTen[-shift];
        if (digits % divisor != 0)
        {
            return false;
        }
        value = digits / divisor;
        return true;
    }

    /// <summary>
    /// Epoch seconds as text ("1618678132.8258188") to nanoseconds; digits below a nanosecond are
    /// dropped (they must still be digits). False for anything else or a time past the year 2262.
    /// </summary>
    public static bool TryParseSecondsToNs(ReadOnlySpan<byte> text, out long nanoseconds)
    {
        nanoseconds = 0;
        int dot = text.IndexOf((byte)'.');
        ReadOnlySpan<byte> seconds = dot < 0 ? text : text[..dot];
        ReadOnlySpan<byte> fraction = dot < 0 ? default : text[(dot + 1)..];
        long fractionNs = 0;
        for (int i = 0; i < fraction.Length; i++)
        {
            uint digit = (uint)(fraction[i] - '0');
            if (digit > 9)
            {
                return false;
            }
            fractionNs += i < 9 ? digit * s_powersOfTen[8 - i] : 0;
        }
        long wholeSeconds = 0;
        if ((seconds.IsEmpty && fraction.IsEmpty) || (!seconds.IsEmpty && !TryParse(seconds, out wholeSeconds, out _)))
        {
            return false;
        }
        if (!TryRescale(wholeSeconds, 0, 9, out nanoseconds) || nanoseconds > long.MaxValue - fractionNs)
        {
            return false;
        }
        nanoseconds += fractionNs;
        return true;
    }
}
