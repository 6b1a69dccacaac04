using Feeds.Transport;

namespace Feeds.Alpaca;

/// <summary>
/// Settings of the Alpaca market data v2 stream: where, which credentials (by variable name; the
/// values come from the environment only), what to subscribe, and the transport's timing.
/// </summary>
public record AlpacaStreamOptions
{
    private static readonly System.Buffers.SearchValues<char> s_variableCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static readonly System.Buffers.SearchValues<char> s_notInSymbols = System.Buffers.SearchValues.Create(" \"\\\t\r\n");

    /// <summary>The stream URL: <c>wss://stream.data.alpaca.markets/v2/{iex|sip}</c> (the sandbox host for paper data).</summary>
    public string Url { get; set; } = "wss://stream.data.alpaca.markets/v2/iex";

    /// <summary>Environment variable holding the API key id (the name Alpaca's SDKs use).</summary>
    public string KeyIdVariable { get; set; } = "APCA_API_KEY_ID";

    /// <summary>Environment variable holding the API secret key (the name Alpaca's SDKs use).</summary>
    public string SecretKeyVariable { get; set; } = "APCA_API_SECRET_KEY";

    /// <summary>Symbols whose trades to stream; <c>*</c> for all.</summary>
    public IReadOnlyList<string> Trades { get; set; } = [];

    /// <summary>Symbols whose quotes (top of book) to stream; <c>*</c> for all.</summary>
    public IReadOnlyList<string> Quotes { get; set; } = [];

    /// <summary>Symbols whose minute bars to stream; <c>*</c> for all.</summary>
    public IReadOnlyList<string> Bars { get; set; } = [];

    /// <summary>Symbols whose daily bars to stream; <c>*</c> for all.</summary>
    public IReadOnlyList<string> DailyBars { get; set; } = [];

    /// <summary>Symbols whose trading status (halts, resumptions) to stream; <c>*</c> for all.</summary>
    public IReadOnlyList<string> Statuses { get; set; } = [];

    /// <summary>Connect timeout, reconnect backoff, stale timeout, keep-alive.</summary>
    public WebSocketTransportOptions Transport { get; set; } = new();

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    /// <remarks>An empty subscription is allowed here (the defaults subscribe to nothing); the session refuses to start on one.</remarks>
    public void Validate(string path, List<string> errors)
    {
        if (WebSocketUrlPolicy.Check(Url) is { } problem)
        {
            errors.Add($"{path}.url: {problem}");
        }
        ValidateVariable(path + ".keyIdVariable", KeyIdVariable, errors);
        ValidateVariable(path + ".secretKeyVariable", SecretKeyVariable, errors);
        if (string.Equals(KeyIdVariable, SecretKeyVariable, StringComparison.Ordinal))
        {
            errors.Add($"{path}.secretKeyVariable: '{SecretKeyVariable}' is also keyIdVariable; the two must differ");
        }
        ValidateSymbols(path + ".trades", Trades, errors);
        ValidateSymbols(path + ".quotes", Quotes, errors);
        ValidateSymbols(path + ".bars", Bars, errors);
        ValidateSymbols(path + ".dailyBars", DailyBars, errors);
        ValidateSymbols(path + ".statuses", Statuses, errors);
        if (Transport is null)
        {
            errors.Add($"{path}.transport: must be an object");
        }
        else
        {
            Transport.Validate(path + ".transport", errors);
        }
    }

    /// <summary>Whether any list subscribes to something.</summary>
    public bool SubscribesToAnything() =>
        Trades.Count + Quotes.Count + Bars.Count + DailyBars.Count + Statuses.Count > 0;

    private static void ValidateVariable(string key, string? name, List<string> errors)
    {
        if (string.IsNullOrEmpty(name) || char.IsAsciiDigit(name[0]) || name.AsSpan().ContainsAnyExcept(s_variableCharacters))
        {
            errors.Add($"{key}: '{name}' is not an environment variable name (letters, digits, '_'; not starting with a digit)");
        }
    }

    private static void ValidateSymbols(string key, IReadOnlyList<string>? symbols, List<string> errors)
    {
        if (symbols is null)
        {
            errors.Add($"{key}: must be a list (empty for none)");
            return;
        }
        for (int i = 0; i < symbols.Count; i++)
        {
            string? symbol = symbols[i];
            if (string.IsNullOrWhiteSpace(symbol) || symbol.Length > 32 || symbol.AsSpan().ContainsAny(s_notInSymbols))
            {
                errors.Add($"{key}[{i}]: '{symbol}' is not a symbol (1..32 characters, no spaces or quotes)");
            }
        }
    }
}
