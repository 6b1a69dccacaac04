using Feeds;
using Feeds.Instruments;

namespace Engine.Admin;

/// <summary>The fields every operator request shares, parsed one way: each adds its problem to the list and returns what it could read.</summary>
internal static class AdminFields
{
    /// <summary>The instrument named by <paramref name="symbol"/>, or null (with the problem) when it is missing or unknown.</summary>
    public static Instrument? Instrument(string? symbol, InstrumentTable instruments, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            problems.Add("symbol: required");
            return null;
        }
        if (!instruments.TryGetId(symbol, out int id))
        {
            problems.Add($"symbol: '{symbol}' is not a known instrument");
            return null;
        }
        return instruments[id];
    }

    /// <summary><c>buy</c> or <c>sell</c>; <see cref="Side.None"/> (with the problem) otherwise.</summary>
    public static Side Side(string? side, List<string> problems)
    {
        var parsed = side switch
        {
            "buy" => Feeds.Side.Buy,
            "sell" => Feeds.Side.Sell,
            _ => Feeds.Side.None,
        };
        if (parsed == Feeds.Side.None)
        {
            problems.Add($"side: '{side}' must be buy or sell");
        }
        return parsed;
    }
}
