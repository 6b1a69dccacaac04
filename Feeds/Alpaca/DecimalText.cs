namespace Feeds.Alpaca;

/// <summary>
/// Turns the text of a JSON number into fixed-point ticks exactly, digit by digit, never through
/// <c>double</c>: "126.55" at 4 decimals is 1,265,500 ticks.
/// </summary>
public static class DecimalText
{
    /// <summary>Most decimal places a scale may have (10^18 still fits a long).</summary>
    public const int MaxDecimals = 18;

    /// <summary>
    /// Parses a JSON number (<c>-?digits[.digits][(e|E)[+-]digits]</c>) into ticks of
    /// 10^-<paramref name="decimals"/>. Digits beyond the scale are rounded half away from zero and
    /// reported in <paramref name="rounded"/>. False on bad text or a value that does not fit a long.
    /// </summary>
    public static bool TryParseTicks(ReadOnlySpan<byte> text, int decimals, out long ticks, out bool rounded)
    {
        ticks = 0;
        rounded = false;
        if ((uint)decimals > MaxDecimals || text.IsEmpty)
        {
            return false;
        }
        int i = 0;
        bool negative = text[0] == '-';
        if (negative)
        {
            i++;
        }
        int mantissaStart = i;
        int integerDigits = 0;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
            integerDigits++;
        }
        if (integerDigits == 0)
        {
            return false;
        }
        int fractionStart = -1;
        int fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fractionStart = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
                fractionDigits++;
            }
            if (fractionDigits == 0)
            {
                return false;
            }
        }
        int exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            if (!TryParseExponent(text[(i + 1)..], out exponent))
            {
                return false;
            }
            i = text.Length;
        }
        if (i != text.Length)
        {
            return false;
        }

        // The digits d0 d1 ... (integer then fraction) have the point after `integerDigits + exponent`
        // of them; in ticks it sits after `integerDigits + exponent + decimals` of them.
        int totalDigits = integerDigits + fractionDigits;
        long keep = (long)integerDigits + exponent + decimals;
        long value = 0;
        for (int k = 0; k < totalDigits; k++)
        {
            int digit = DigitAt(text, mantissaStart, integerDigits, fractionStart, k);
            if (k < keep)
            {
                if (value > (long.MaxValue - digit) / 10)
                {
                    return false;
                }
                value = (value * 10) + digit;
            }
            else if (k == keep && keep >= 0)
            {
                rounded |= digit != 0;
                if (digit >= 5)
                {
                    if (value == long.MaxValue)
                    {
                        return false;
                    }
                    value++;
                }
            }
            else
            {
                rounded |= digit != 0;
            }
        }
        for (long k = totalDigits; k < keep; k++)
        {
            if (value > long.MaxValue / 10)
            {
                return false;
            }
            value *= 10;
        }
        ticks = negative ? -value : value;
        return true;
    }

    private static int DigitAt(ReadOnlySpan<byte> text, int mantissaStart, int integerDigits, int fractionStart, int k) =>
        k < integerDigits ? text[mantissaStart + k] - '0' : text[fractionStart + k - integerDigits] - '0';

    private static bool TryParseExponent(ReadOnlySpan<byte> text, out int exponent)
    {
        exponent = 0;
        int i = 0;
        bool negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }
        if (i == text.Length)
        {
            return false;
        }
        for (; i < text.Length; i++)
        {
            if (!IsDigit(text[i]) || exponent > 10_000)
            {
                return false;
            }
            exponent = (exponent * 10) + (text[i] - '0');
        }
        exponent = negative ? -exponent : exponent;
        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
