using System.Globalization;

namespace Feeds.Lobster;

/// <summary>Splits and parses the comma-separated fields of a LOBSTER line without allocating.</summary>
internal static class LobsterFields
{
    private const long NanosecondsPerSecond = 1_000_000_000;
    private const int MaxFractionDigits = 9;

    /// <summary>True when the line starts with something other than a number: a header row.</summary>
    public static bool IsHeader(ReadOnlySpan<char> line)
    {
        line = line.TrimStart();
        return line.Length > 0 && !char.IsAsciiDigit(line[0]) && line[0] is not ('-' or '+' or '.');
    }

    /// <summary>Parses every field of <paramref name="line"/> as an integer into <paramref name="values"/>; the field count must match.</summary>
    public static LobsterLineReason ParseIntegers(ReadOnlySpan<char> line, Span<long> values)
    {
        int count = 0;
        foreach (var range in line.Split(','))
        {
            if (count == values.Length)
            {
                return LobsterLineReason.WrongFieldCount;
            }
            if (!long.TryParse(line[range].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[count]))
            {
                return LobsterLineReason.BadNumber;
            }
            count++;
        }
        return count == values.Length ? LobsterLineReason.Ok : LobsterLineReason.WrongFieldCount;
    }

    /// <summary>
    /// Seconds after midnight with up to 9 decimals, read as text so that no nanosecond is lost to
    /// floating point: "34200.004241176" is 34,200,004,241,176 ns.
    /// </summary>
    public static bool TryParseSecondsAsNs(ReadOnlySpan<char> text, out long ns)
    {
        ns = 0;
        text = text.Trim();
        int dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.Length == 0 || fraction.Length > MaxFractionDigits
            || !long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            || seconds > long.MaxValue / NanosecondsPerSecond)
        {
            return false;
        }
        long fractionNs = 0;
        for (int i = 0; i < MaxFractionDigits; i++)
        {
            int digit = 0;
            if (i < fraction.Length)
            {
                if (!char.IsAsciiDigit(fraction[i]))
                {
                    return false;
                }
                digit = fraction[i] - '0';
            }
            fractionNs = (fractionNs * 10) + digit;
        }
        ns = (seconds * NanosecondsPerSecond) + fractionNs;
        return true;
    }
}
