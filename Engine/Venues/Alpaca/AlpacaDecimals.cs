using System.Globalization;
using Feeds.Alpaca;

namespace Engine.Venues.Alpaca;

/// <summary>
/// Alpaca's decimal strings to and from fixed-point integers, digit by digit, never through
/// <c>double</c> or <c>decimal</c>: 1,265,500 ticks at 4 price decimals is "126.55", and "126.55"
/// is 1,265,500 ticks again.
/// </summary>
/// <remarks>Gateway threads. Formatting allocates the string it returns; parsing allocates nothing.</remarks>
public static class AlpacaDecimals
{
    /// <summary>Longest decimal string parsed (a long has 19 digits; Alpaca sends at most 9 decimals).</summary>
    private const int MaxTextLength = 64;

    /// <summary>
    /// <paramref name="ticks"/> of 10^-<paramref name="decimals"/> as the shortest exact decimal
    /// string: no exponent, no trailing zeros after the point, no point for a whole number.
    /// </summary>
    public static string FormatTicks(long ticks, int decimals) => DecimalText.Format(ticks, decimals);

    /// <summary>A whole quantity as Alpaca's decimal string.</summary>
    public static string FormatQuantity(long quantity) => quantity.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses <paramref name="text"/> into ticks of 10^-<paramref name="decimals"/> exactly: false when
    /// the text is not a decimal number, does not fit a long, or has non-zero digits past the scale
    /// (use <see cref="TryParseTicksRounded"/> for values that may, such as average fill prices).
    /// </summary>
    public static bool TryParseTicks(string? text, int decimals, out long ticks) =>
        TryParseTicksRounded(text, decimals, out ticks, out bool rounded) && !rounded;

    /// <summary>
    /// Parses <paramref name="text"/> into ticks of 10^-<paramref name="decimals"/>, rounding digits
    /// past the scale half away from zero and saying so in <paramref name="rounded"/>.
    /// </summary>
    public static bool TryParseTicksRounded(string? text, int decimals, out long ticks, out bool rounded)
    {
        ticks = 0;
        rounded = false;
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            return false;
        }
        Span<byte> ascii = stackalloc byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c > 0x7F)
            {
                return false;
            }
            ascii[i] = (byte)c;
        }
        return DecimalText.TryParseTicks(ascii, decimals, out ticks, out rounded);
    }

    /// <summary>Parses a whole quantity ("100", "100.0"); false for a fractional or malformed one.</summary>
    public static bool TryParseQuantity(string? text, out long quantity) => TryParseTicks(text, 0, out quantity);
}
