using System.Globalization;

namespace Engine.Orders;

/// <summary>
/// Our client order ids: a number unique across restarts (the start's Unix second x 10^9 plus a
/// sequence), sent to venues as text <c>eng-NNN</c> (well under Alpaca's 128 characters) and parsed
/// back from their reports. Venues use the client order id to refuse duplicates, so a resend after a
/// timeout can never make a second order.
/// </summary>
public sealed class ClientOrderIds
{
    /// <summary>The text prefix of our ids.</summary>
    public const string Prefix = "eng-";

    private const long PerSession = 1_000_000_000;

    private long _next;

    /// <summary>Ids for a session that started at <paramref name="startUnixNs"/>.</summary>
    public ClientOrderIds(long startUnixNs) => _next = (startUnixNs / 1_000_000_000 * PerSession) + 1;

    /// <summary>The next id. Loop thread.</summary>
    public long Next() => _next++;

    /// <summary>The text form of <paramref name="clientOrderId"/>, for the wire. Gateway threads.</summary>
    public static string Format(long clientOrderId) => Prefix + clientOrderId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses our text form; false for an id that is not ours (an order placed by hand at the venue).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long clientOrderId)
    {
        clientOrderId = 0;
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(text[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out clientOrderId)
            && clientOrderId > 0;
    }
}
