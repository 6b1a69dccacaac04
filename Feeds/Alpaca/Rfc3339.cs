namespace Feeds.Alpaca;

/// <summary>
/// Reads an RFC 3339 timestamp (<c>2021-02-22T15:51:45.335689322Z</c>, up to nanoseconds, <c>Z</c>
/// or a <c>±hh:mm</c> offset) from UTF-8 into nanoseconds since the Unix epoch, without allocating.
/// </summary>
public static class Rfc3339
{
    private const long NanosPerSecond = 1_000_000_000;
    private static readonly int s_epochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>False on any text that is not a valid RFC 3339 date-time (a leap second 60 is read as the next second).</summary>
    public static bool TryParseUnixNs(ReadOnlySpan<byte> text, out long unixNs)
    {
        unixNs = 0;
        // yyyy-mm-ddThh:mm:ss is 19 bytes, then an optional fraction, then Z or an offset.
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || (text[10] | 0x20) != 't' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }
        if (!TryDigits(text[..4], out int year) || !TryDigits(text.Slice(5, 2), out int month) || !TryDigits(text.Slice(8, 2), out int day)
            || !TryDigits(text.Slice(11, 2), out int hour) || !TryDigits(text.Slice(14, 2), out int minute) || !TryDigits(text.Slice(17, 2), out int second))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }
        int i = 19;
        long fractionNs = 0;
        if (text[i] == '.')
        {
            i++;
            int digits = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                if (digits == 9)
                {
                    return false; // finer than a nanosecond
                }
                fractionNs = (fractionNs * 10) + (text[i] - '0');
                digits++;
                i++;
            }
            if (digits == 0)
            {
                return false;
            }
            for (; digits < 9; digits++)
            {
                fractionNs *= 10;
            }
        }
        if (!TryOffsetSeconds(text[i..], out int offsetSeconds))
        {
            return false;
        }
        long days = new DateOnly(year, month, day).DayNumber - s_epochDayNumber;
        long seconds = (days * 86_400) + (hour * 3_600) + (minute * 60) + second - offsetSeconds;
        unixNs = (seconds * NanosPerSecond) + fractionNs;
        return true;
    }

    private static bool TryOffsetSeconds(ReadOnlySpan<byte> text, out int offsetSeconds)
    {
        offsetSeconds = 0;
        if (text.Length == 1 && (text[0] | 0x20) == 'z')
        {
            return true;
        }
        if (text.Length != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':'
            || !TryDigits(text.Slice(1, 2), out int hours) || !TryDigits(text.Slice(4, 2), out int minutes) || hours > 23 || minutes > 59)
        {
            return false;
        }
        offsetSeconds = ((hours * 60) + minutes) * 60 * (text[0] == '-' ? -1 : 1);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (byte b in text)
        {
            if ((uint)(b - '0') > 9)
            {
                return false;
            }
            value = (value * 10) + (b - '0');
        }
        return true;
    }
}
