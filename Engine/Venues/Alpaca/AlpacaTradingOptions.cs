using System.Text.Json.Serialization;

namespace Engine.Venues.Alpaca;

/// <summary>
/// Settings of the Alpaca trading venue (<c>venues.alpaca</c>): which environment, where, how long a
/// request may take, how fast and how often to try. The API key id and secret are never configured:
/// they come from <c>APCA_API_KEY_ID</c> and <c>APCA_API_SECRET_KEY</c> (environment or systemd credentials).
/// </summary>
/// <remarks>Setters, as every options record of the engine: the source-generated JSON reader needs them. Nothing changes them after validation.</remarks>
public sealed record AlpacaTradingOptions
{
    /// <summary>The REST base URL of the paper environment.</summary>
    public const string PaperBaseUrl = "https://paper-api.alpaca.markets";

    /// <summary>The REST base URL of the live environment.</summary>
    public const string LiveBaseUrl = "https://api.alpaca.markets";

    /// <summary>The trade_updates stream of the paper environment.</summary>
    public const string PaperStreamUrl = "wss://paper-api.alpaca.markets/stream";

    /// <summary>The trade_updates stream of the live environment.</summary>
    public const string LiveStreamUrl = "wss://api.alpaca.markets/stream";

    /// <summary>The environment variable (and systemd credential) holding the API key id, the name Alpaca's SDKs use.</summary>
    public const string KeyIdVariable = "APCA_API_KEY_ID";

    /// <summary>The environment variable (and systemd credential) holding the API secret key, the name Alpaca's SDKs use.</summary>
    public const string SecretKeyVariable = "APCA_API_SECRET_KEY";

    /// <summary>Paper or live.</summary>
    public AlpacaTradingMode Mode { get; set; } = AlpacaTradingMode.Paper;

    /// <summary>The REST base URL (scheme, host, port); empty for the mode's own (<see cref="PaperBaseUrl"/> or <see cref="LiveBaseUrl"/>).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The trade_updates WebSocket URL; empty for the mode's own (<see cref="PaperStreamUrl"/> or <see cref="LiveStreamUrl"/>).</summary>
    public string StreamUrl { get; set; } = "";

    /// <summary>Longest wait for one HTTP exchange (connect, send, whole answer), milliseconds. A POST that runs out is looked up before anything is sent again.</summary>
    public int RequestTimeoutMs { get; set; } = 5_000;

    /// <summary>Most requests in any minute, every retry and lookup included (Alpaca allows 200 per account).</summary>
    public int RateLimitPerMinute { get; set; } = 200;

    /// <summary>Requests that may go back to back after a quiet spell; the bucket refills <c>rateLimitPerMinute - rateLimitBurst</c> per minute, so no minute sees more than <see cref="RateLimitPerMinute"/>.</summary>
    public int RateLimitBurst { get; set; } = 10;

    /// <summary>Retries after the first try on 429, 5xx, timeouts and network errors (a failed lookup after an uncertain POST counts as a try).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Ceiling of the first retry delay, milliseconds; doubled per retry, each delay uniform in [0, ceiling] (full jitter).</summary>
    public int RetryBackoffBaseMs { get; set; } = 100;

    /// <summary>Bound of the retry delay ceiling, milliseconds; a Retry-After longer than this ends the retries.</summary>
    public int RetryBackoffCapMs { get; set; } = 5_000;

    /// <summary>Client order ids whose Alpaca order id is remembered for cancels (oldest forgotten first; a forgotten one is looked up).</summary>
    public int OrderIdCacheSize { get; set; } = 10_000;

    /// <summary>
    /// A PEM or DER certificate file trusted as an extra root for the REST connection and the
    /// trade_updates stream (paper mode only; for a test server's self-signed certificate). Empty:
    /// the platform's roots only. Host names are checked either way; validation is never switched
    /// off. The stream's own <c>stream.transport.trustedRootCertificatePath</c> must stay empty.
    /// </summary>
    public string TrustedRootCertificatePath { get; set; } = "";

    /// <summary>
    /// The trade_updates stream (<c>venues.alpaca.stream</c>): tracked orders and transport timing. Its
    /// URL is <see cref="EffectiveStreamUrl"/> (<c>venues.alpaca.streamUrl</c>); <c>stream.url</c> must be
    /// left out or name the same URL.
    /// </summary>
    public AlpacaTradeUpdatesOptions Stream { get; set; } = new();

    /// <summary>The REST base URL in use: <see cref="BaseUrl"/>, else the mode's.</summary>
    [JsonIgnore]
    public string EffectiveBaseUrl => !string.IsNullOrEmpty(BaseUrl) ? BaseUrl : Mode == AlpacaTradingMode.Live ? LiveBaseUrl : PaperBaseUrl;

    /// <summary>The stream URL in use: <see cref="StreamUrl"/>, else the mode's.</summary>
    [JsonIgnore]
    public string EffectiveStreamUrl => !string.IsNullOrEmpty(StreamUrl) ? StreamUrl : Mode == AlpacaTradingMode.Live ? LiveStreamUrl : PaperStreamUrl;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>, each with its key path.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Enum.IsDefined(Mode))
        {
            errors.Add($"{path}.mode: {Mode} is not Paper or Live");
            return;
        }
        string? baseProblem = BaseUrl is null ? "must be a string (empty for the mode's URL)" : AlpacaUrlPolicy.CheckBaseUrl(Mode, EffectiveBaseUrl);
        if (baseProblem is not null)
        {
            errors.Add($"{path}.baseUrl: {baseProblem}");
        }
        string? streamProblem = StreamUrl is null ? "must be a string (empty for the mode's URL)" : AlpacaUrlPolicy.CheckStreamUrl(Mode, EffectiveStreamUrl);
        if (streamProblem is not null)
        {
            errors.Add($"{path}.streamUrl: {streamProblem}");
        }
        CheckRange(errors, $"{path}.requestTimeoutMs", RequestTimeoutMs, 50, 120_000);
        CheckRange(errors, $"{path}.rateLimitPerMinute", RateLimitPerMinute, 2, 1_000_000);
        CheckRange(errors, $"{path}.rateLimitBurst", RateLimitBurst, 1, Math.Max(1, RateLimitPerMinute - 1));
        CheckRange(errors, $"{path}.maxRetries", MaxRetries, 0, 20);
        CheckRange(errors, $"{path}.retryBackoffBaseMs", RetryBackoffBaseMs, 1, 60_000);
        CheckRange(errors, $"{path}.retryBackoffCapMs", RetryBackoffCapMs, Math.Max(1, RetryBackoffBaseMs), 600_000);
        CheckRange(errors, $"{path}.orderIdCacheSize", OrderIdCacheSize, 16, 10_000_000);
        ValidateTrustedRoot($"{path}.trustedRootCertificatePath", errors);
        ValidateStream($"{path}.stream", errors);
    }

    private void ValidateStream(string key, List<string> errors)
    {
        if (Stream is null)
        {
            errors.Add($"{key}: must be an object");
            return;
        }
        string defaultUrl = new AlpacaTradeUpdatesOptions().Url;
        if (Stream.Url != defaultUrl && Stream.Url != EffectiveStreamUrl)
        {
            errors.Add($"{key}.url: '{Stream.Url}' differs from the stream URL in use '{EffectiveStreamUrl}'; set venues.alpaca.streamUrl instead");
        }
        if (!string.IsNullOrEmpty(Stream.Transport?.TrustedRootCertificatePath))
        {
            errors.Add($"{key}.transport.trustedRootCertificatePath: set venues.alpaca.trustedRootCertificatePath instead (one root for REST and the stream, paper mode only)");
        }
        if (StreamUrl is not null)
        {
            // The URL itself is checked above (streamUrl, with the mode's rules); the rest here.
            (Stream with { Url = EffectiveStreamUrl }).Validate(key, errors);
        }
    }

    private void ValidateTrustedRoot(string key, List<string> errors)
    {
        if (TrustedRootCertificatePath is null)
        {
            errors.Add($"{key}: must be a string (empty for none)");
        }
        else if (TrustedRootCertificatePath.Length != 0 && Mode == AlpacaTradingMode.Live)
        {
            errors.Add($"{key}: '{TrustedRootCertificatePath}' is set in live mode; live mode trusts the platform's roots only");
        }
        else if (TrustedRootCertificatePath.Length != 0 && !File.Exists(TrustedRootCertificatePath))
        {
            errors.Add($"{key}: '{TrustedRootCertificatePath}' is not a file");
        }
    }

    private static void CheckRange(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key}: {value} is outside {min}..{max}");
        }
    }
}
