using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace Engine.Tests.Kraken;

/// <summary>
/// A deliberately naive Kraken book for tests: sorted dictionaries of the strings as sent, fed from
/// a JSON DOM, with the checksum computed literally as the data README describes it (strings, '.'
/// removed, leading zeros stripped). Independent of the decoder's digits-as-integers shortcut.
/// </summary>
internal sealed class KrakenReferenceBook(int depth)
{
    private static readonly Comparer<decimal> s_descending = Comparer<decimal>.Create((a, b) => b.CompareTo(a));

    public SortedDictionary<decimal, (string Price, string Volume)> Asks { get; } = [];

    public SortedDictionary<decimal, (string Price, string Volume)> Bids { get; } = new(s_descending);

    public int Depth { get; } = depth;

    /// <summary>The checksum string of the README: top 10 asks ascending, then top 10 bids descending.</summary>
    public string ChecksumText()
    {
        var text = new StringBuilder();
        foreach (var (price, volume) in Asks.Values.Take(10))
        {
            text.Append(Strip(price)).Append(Strip(volume));
        }
        foreach (var (price, volume) in Bids.Values.Take(10))
        {
            text.Append(Strip(price)).Append(Strip(volume));
        }
        return text.ToString();
    }

    public uint Checksum() => Crc32.HashToUInt32(Encoding.ASCII.GetBytes(ChecksumText()));

    /// <summary>Applies a book message; returns its checksum field, if any.</summary>
    public uint? Apply(string json)
    {
        using var document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        uint? checksum = null;
        for (int i = 1; i < root.GetArrayLength() - 2; i++)
        {
            foreach (JsonProperty property in root[i].EnumerateObject())
            {
                switch (property.Name)
                {
                    case "as" or "bs":
                        (property.Name == "as" ? Asks : Bids).Clear();
                        Set(property.Name == "as" ? Asks : Bids, property.Value);
                        break;
                    case "a" or "b":
                        Set(property.Name == "a" ? Asks : Bids, property.Value);
                        break;
                    case "c":
                        checksum = uint.Parse(property.Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    default:
                        break;
                }
            }
        }
        Truncate(Asks);
        Truncate(Bids);
        return checksum;
    }

    /// <summary>This book as a snapshot message of <paramref name="pair"/>.</summary>
    public string ToSnapshot(string pair) => KrakenMessages.Snapshot(pair, Depth, [.. Asks.Values], [.. Bids.Values]);

    private static void Set(SortedDictionary<decimal, (string Price, string Volume)> side, JsonElement entries)
    {
        foreach (JsonElement entry in entries.EnumerateArray())
        {
            string price = entry[0].GetString()!;
            string volume = entry[1].GetString()!;
            decimal key = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
            if (decimal.Parse(volume, System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                side.Remove(key);
            }
            else
            {
                side[key] = (price, volume);
            }
        }
    }

    private void Truncate(SortedDictionary<decimal, (string Price, string Volume)> side)
    {
        while (side.Count > Depth)
        {
            side.Remove(side.Keys.Last());
        }
    }

    private static string Strip(string number) => number.Replace(".", "", StringComparison.Ordinal).TrimStart('0');
}
