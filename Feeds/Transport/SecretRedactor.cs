using System.Text.RegularExpressions;

namespace Feeds.Transport;

/// <summary>
/// Replaces secrets in text with a marker: every occurrence of the known secret values, and the value
/// part of the usual places a secret is written (<c>Authorization: Bearer …</c>, the
/// <c>APCA-API-KEY-ID</c> and <c>APCA-API-SECRET-KEY</c> headers, JSON fields such as
/// <c>"secret_key":"…"</c>). For text that goes into a log line or an exception.
/// </summary>
/// <remarks>Immutable; any thread. Allocates only when the text holds something to replace (the scan itself does not).</remarks>
public sealed partial class SecretRedactor
{
    private readonly string[] _values;
    private readonly string _marker;

    /// <summary>
    /// A redactor of <paramref name="values"/> (empty and blank ones are ignored; longer ones are
    /// replaced first, so a value inside another does not leave part of it) and of the usual patterns.
    /// </summary>
    public SecretRedactor(IEnumerable<string?> values, string marker)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentException.ThrowIfNullOrEmpty(marker);
        var kept = new List<string>();
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value) && !kept.Contains(value))
            {
                kept.Add(value);
            }
        }
        kept.Sort(static (a, b) => b.Length.CompareTo(a.Length));
        _values = [.. kept];
        _marker = marker;
    }

    /// <summary><paramref name="text"/> with every secret replaced by the marker; the same instance when there is none.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var value in _values)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, _marker, StringComparison.Ordinal);
            }
        }
        if (HeaderSecret().IsMatch(text))
        {
            text = HeaderSecret().Replace(text, "${name}" + _marker);
        }
        if (JsonSecret().IsMatch(text))
        {
            text = JsonSecret().Replace(text, "${name}" + _marker + "\"");
        }
        return text;
    }

    // "Authorization: Bearer abc", "authorization=Basic abc", "APCA-API-SECRET-KEY: abc": the name and separator stay, the value goes.
    [GeneratedRegex("""(?<name>(?:authorization\s*[:=]\s*(?:bearer|basic|token)?|apca-api-(?:secret-key|key-id)\s*[:=])\s*)[^\s"',;]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSecret();

    // "secret_key":"abc" (and key, secret, key_id, token, password, api_key), with any escapes inside the value.
    [GeneratedRegex("""(?<name>"(?:secret_key|secret|key_id|key|token|password|api_key|access_token)"\s*:\s*")(?:[^"\\]|\\.)*["]""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecret();
}
