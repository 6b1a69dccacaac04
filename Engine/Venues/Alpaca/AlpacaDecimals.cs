using Feeds.Alpaca;

namespace Engine.Venues.Alpaca;

/// <summary>
/// Alpaca's decimal strings (<c>"126.55"</c>, <c>"10"</c>) to fixed point exactly, through the
/// market-data feed's digit-by-digit parser (<see cref="DecimalText"/>), never through double.
/// </summary>
internal static class AlpacaDecimals
{
    private const int MaxTextLength = 64;

    /// <summary>
    /// Parses <paramref name="text"/> at <paramref name="decimals"/> places; digits past the scale are
    /// rounded half away from zero and flagged in <paramref name="rounded"/>. False for null, empty,
    /// non-ASCII or malformed text, or a value beyond a long.
    /// </summary>
    public static bool TryParse(string? text, int decimals, out long value, out bool rounded)
    {
        value = 0;
        rounded = false;
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[MaxTextLength];
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                return false;
            }
            bytes[i] = (byte)text[i];
        }
        return DecimalText.TryParseTicks(bytes[..text.Length], decimals, out value, out rounded);
    }

    /// <summary>A whole quantity: false when the text is malformed or has a fraction (the engine trades whole units).</summary>
    public static bool TryParseWhole(string? text, out long value) => TryParse(text, 0, out value, out bool rounded) && !rounded;
}
