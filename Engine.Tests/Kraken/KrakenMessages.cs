using System.Text;

namespace Engine.Tests.Kraken;

/// <summary>Builds Kraken v1 book messages for tests.</summary>
internal static class KrakenMessages
{
    public const string Ts = "1618678133.365913";

    public static string Snapshot(string pair, int depth, (string Price, string Volume)[] asks, (string Price, string Volume)[] bids) =>
        $"[42,{{\"as\":{Entries(asks)},\"bs\":{Entries(bids)}}},\"book-{depth}\",\"{pair}\"]";

    /// <summary>An update with the asks and bids in one map (either may be empty, then it is left out).</summary>
    public static string Update(string pair, int depth, (string Price, string Volume)[] asks, (string Price, string Volume)[] bids, uint? checksum)
    {
        var map = new StringBuilder("{");
        if (asks.Length > 0)
        {
            map.Append("\"a\":").Append(Entries(asks));
        }
        if (bids.Length > 0)
        {
            map.Append(map.Length > 1 ? "," : "").Append("\"b\":").Append(Entries(bids));
        }
        if (checksum is { } c)
        {
            map.Append(",\"c\":\"").Append(c).Append('"');
        }
        map.Append('}');
        return $"[42,{map},\"book-{depth}\",\"{pair}\"]";
    }

    /// <summary>Applies <paramref name="message"/> (checksum ignored) to <paramref name="reference"/> and returns it with the right checksum.</summary>
    public static string WithChecksum(KrakenReferenceBook reference, string pair, (string Price, string Volume)[] asks, (string Price, string Volume)[] bids)
    {
        reference.Apply(Update(pair, reference.Depth, asks, bids, null));
        return Update(pair, reference.Depth, asks, bids, reference.Checksum());
    }

    private static string Entries((string Price, string Volume)[] levels)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < levels.Length; i++)
        {
            text.Append(i > 0 ? "," : "").Append($"[\"{levels[i].Price}\",\"{levels[i].Volume}\",\"{Ts}\"]");
        }
        return text.Append(']').ToString();
    }
}
