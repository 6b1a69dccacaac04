namespace Feeds.Kraken;

/// <summary>
/// Splits one line of a recorded session (the cryptofeed sample format) into its kind, receive time
/// and JSON: <c>1618678132.8258188: {...}</c> received; <c>wss://ws.kraken.com &lt;- 1618678132.82: {...}</c>
/// sent; <c>wss://ws.kraken.com &lt;-&gt; 1618678132.38</c> connection opened.
/// </summary>
public static class KrakenRecordedLine
{
    /// <summary>Classifies <paramref name="line"/> (without its line break); allocation-free.</summary>
    /// <param name="line">The line; a trailing '\r' is ignored.</param>
    /// <param name="tsRecvNs">The line's epoch time in nanoseconds; 0 if it has none that parses.</param>
    /// <param name="json">The message after <c>": "</c> (received and sent lines); empty otherwise.</param>
    public static RecordedLineKind Parse(ReadOnlySpan<byte> line, out long tsRecvNs, out ReadOnlySpan<byte> json)
    {
        tsRecvNs = 0;
        json = default;
        line = line.TrimEnd("\r\n \t"u8);
        if (line.IsEmpty)
        {
            return RecordedLineKind.Blank;
        }
        int separator = line.IndexOf(": "u8);
        ReadOnlySpan<byte> prefix = separator >= 0 ? line[..separator] : line;
        ReadOnlySpan<byte> epoch = prefix[(prefix.LastIndexOf((byte)' ') + 1)..];
        if (prefix.IndexOf("<->"u8) >= 0)
        {
            _ = KrakenDecimal.TryParseSecondsToNs(epoch, out tsRecvNs); // 0 if the time does not parse: the line is still what its arrow says
            return RecordedLineKind.ConnectionOpened;
        }
        if (separator < 0)
        {
            return RecordedLineKind.Malformed;
        }
        json = line[(separator + 2)..];
        if (prefix.IndexOf("<-"u8) >= 0)
        {
            _ = KrakenDecimal.TryParseSecondsToNs(epoch, out tsRecvNs); // 0 if the time does not parse: the line is still what its arrow says
            return RecordedLineKind.Sent;
        }
        if (!KrakenDecimal.TryParseSecondsToNs(prefix, out tsRecvNs))
        {
            json = default;
            return RecordedLineKind.Malformed;
        }
        return RecordedLineKind.Received;
    }
}
