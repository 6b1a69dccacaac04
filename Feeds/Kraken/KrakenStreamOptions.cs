using Feeds.Transport;

namespace Feeds.Kraken;

/// <summary>
/// Settings of the live Kraken WebSocket v1 <c>book</c> feed: where, which pairs, how deep, and the
/// transport's timing. Public book data needs no credentials.
/// </summary>
public record KrakenStreamOptions
{
    /// <summary>Longest pair name accepted, characters (the decoder's limit).</summary>
    public const int MaxPairLength = 32;

    /// <summary>The WebSocket v1 public endpoint.</summary>
    public string Url { get; set; } = "wss://ws.kraken.com";

    /// <summary>Pairs whose books to stream, as Kraken's v1 API names them ("XBT/USD").</summary>
    public IReadOnlyList<string> Pairs { get; set; } = [];

    /// <summary>Levels per side of each book: 10, 25, 100, 500 or 1000 (the depths Kraken's v1 API offers).</summary>
    public int Depth { get; set; } = 10;

    /// <summary>Connect timeout, reconnect backoff, stale timeout, keep-alive.</summary>
    public WebSocketTransportOptions Transport { get; set; } = new();

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    /// <remarks>An empty pair list is allowed here (the default streams nothing); the session refuses to start on one.</remarks>
    public void Validate(string path, List<string> errors)
    {
        if (WebSocketUrlPolicy.Check(Url) is { } problem)
        {
            errors.Add($"{path}.url: {problem}");
        }
        if (Depth is not (10 or 25 or 100 or 500 or 1000))
        {
            errors.Add($"{path}.depth: {Depth} is not one of 10, 25, 100, 500, 1000");
        }
        ValidatePairs(path + ".pairs", Pairs, errors);
        if (Transport is null)
        {
            errors.Add($"{path}.transport: must be an object");
        }
        else
        {
            Transport.Validate(path + ".transport", errors);
        }
    }

    private static void ValidatePairs(string key, IReadOnlyList<string>? pairs, List<string> errors)
    {
        if (pairs is null)
        {
            errors.Add($"{key}: must be a list (empty for none)");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < pairs.Count; i++)
        {
            string? pair = pairs[i];
            if (!IsPair(pair))
            {
                errors.Add($"{key}[{i}]: '{pair}' is not a pair (1..{MaxPairLength} printable ASCII characters, no spaces, quotes or backslashes)");
            }
            else if (!seen.Add(pair!))
            {
                errors.Add($"{key}[{i}]: '{pair}' is listed twice");
            }
        }
    }

    private static bool IsPair(string? pair)
    {
        if (string.IsNullOrEmpty(pair) || pair.Length > MaxPairLength)
        {
            return false;
        }
        foreach (char c in pair)
        {
            if (c is < '!' or > '~' or '"' or '\\')
            {
                return false;
            }
        }
        return true;
    }
}
