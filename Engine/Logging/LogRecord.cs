using Microsoft.Extensions.Logging;

namespace Engine.Logging;

/// <summary>One event as the writer thread formats it: the slot's fields with the message formatted and the secrets redacted.</summary>
/// <param name="TimestampTicks">When it was logged, UTC ticks.</param>
/// <param name="Level">Its level.</param>
/// <param name="Category">The logger's category.</param>
/// <param name="EventId">The event id's number.</param>
/// <param name="Message">The formatted message, redacted.</param>
/// <param name="Properties">The message template's properties (values not yet redacted), or null.</param>
/// <param name="CorrelationId">The <c>ClientOrderId</c> property's value, redacted, or null.</param>
/// <param name="Exception">The exception's text, redacted, or null.</param>
internal readonly record struct LogRecord(
    long TimestampTicks,
    LogLevel Level,
    string Category,
    int EventId,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>>? Properties,
    string? CorrelationId,
    string? Exception)
{
    /// <summary>The template property that becomes the correlation id (matched ignoring case).</summary>
    public const string CorrelationProperty = "ClientOrderId";

    /// <summary>The property Microsoft.Extensions.Logging adds to carry the template itself; not written.</summary>
    public const string TemplateProperty = "{OriginalFormat}";

    /// <summary>Whether <paramref name="name"/> is a template property written as a field of its own.</summary>
    public static bool IsWrittenProperty(string name) =>
        name != TemplateProperty && !name.Equals(CorrelationProperty, StringComparison.OrdinalIgnoreCase);

    /// <summary>The UTC timestamp as ISO-8601 with microseconds, for example <c>2026-11-26T03:32:17.123456Z</c>, into <paramref name="utf8"/>.</summary>
    public int FormatTimestamp(Span<byte> utf8)
    {
        new DateTime(TimestampTicks, DateTimeKind.Utc).TryFormat(utf8, out int written, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return written;
    }
}
