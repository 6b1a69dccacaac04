namespace Feeds.Transport;

/// <summary>
/// Timing of a <see cref="WebSocketTransport"/>: connect timeout, reconnect backoff, stale-feed
/// detection, keep-alive. The URL belongs to the feed's own options, which nest these.
/// </summary>
public sealed record WebSocketTransportOptions
{
    /// <summary>Longest wait for the TCP, TLS and WebSocket handshakes of one attempt, milliseconds.</summary>
    public int ConnectTimeoutMs { get; set; } = 10_000;

    /// <summary>Ceiling of the first reconnect delay, milliseconds; each failed attempt doubles it.</summary>
    public int ReconnectInitialDelayMs { get; set; } = 500;

    /// <summary>Largest ceiling of a reconnect delay, milliseconds: the bound of the exponential backoff.</summary>
    public int ReconnectMaxDelayMs { get; set; } = 30_000;

    /// <summary>Consecutive failed connections (never established) before the transport gives up; 0 = never.</summary>
    public int MaxConsecutiveFailures { get; set; }

    /// <summary>No message for this long means the feed is stale: it is reported and the connection replaced. Milliseconds; 0 = off.</summary>
    public int StaleTimeoutMs { get; set; } = 30_000;

    /// <summary>Interval of WebSocket keep-alive frames, milliseconds; 0 = none.</summary>
    public int KeepAliveIntervalMs { get; set; } = 15_000;

    /// <summary>
    /// When above 0, each keep-alive is a ping that must be answered within this many milliseconds,
    /// or the connection is taken for dead and replaced: how a stream that may stay silent for
    /// long (no stale timer) still notices a half-open connection. 0 = unanswered keep-alives.
    /// </summary>
    public int KeepAliveTimeoutMs { get; set; }

    /// <summary>
    /// A PEM or DER certificate file trusted as one extra root for wss connections, beside the
    /// platform's roots (for a test server's or a private deployment's self-signed certificate).
    /// Empty (the default): the platform's roots only. The host name is checked either way, TLS 1.2+
    /// stays required, and validation is never switched off.
    /// </summary>
    public string TrustedRootCertificatePath { get; set; } = "";

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (ConnectTimeoutMs is < 100 or > 120_000)
        {
            errors.Add($"{path}.connectTimeoutMs: {ConnectTimeoutMs} is outside 100..120000");
        }
        if (ReconnectInitialDelayMs is < 1 or > 60_000)
        {
            errors.Add($"{path}.reconnectInitialDelayMs: {ReconnectInitialDelayMs} is outside 1..60000");
        }
        if (ReconnectMaxDelayMs < ReconnectInitialDelayMs || ReconnectMaxDelayMs > 600_000)
        {
            errors.Add($"{path}.reconnectMaxDelayMs: {ReconnectMaxDelayMs} must be reconnectInitialDelayMs ({ReconnectInitialDelayMs})..600000");
        }
        if (MaxConsecutiveFailures is < 0 or > 1_000_000)
        {
            errors.Add($"{path}.maxConsecutiveFailures: {MaxConsecutiveFailures} is outside 0..1000000 (0 = never give up)");
        }
        if (StaleTimeoutMs != 0 && StaleTimeoutMs is < 10 or > 3_600_000)
        {
            errors.Add($"{path}.staleTimeoutMs: {StaleTimeoutMs} must be 0 (off) or 10..3600000");
        }
        if (KeepAliveIntervalMs is < 0 or > 3_600_000)
        {
            errors.Add($"{path}.keepAliveIntervalMs: {KeepAliveIntervalMs} is outside 0..3600000 (0 = none)");
        }
        if (KeepAliveTimeoutMs != 0 && (KeepAliveTimeoutMs is < 10 or > 3_600_000 || KeepAliveIntervalMs == 0))
        {
            errors.Add($"{path}.keepAliveTimeoutMs: {KeepAliveTimeoutMs} must be 0 (off) or 10..3600000 with keepAliveIntervalMs above 0");
        }
        if (TrustedRootCertificatePath is null)
        {
            errors.Add($"{path}.trustedRootCertificatePath: must be a string (empty for none)");
        }
        else if (TrustedRootCertificatePath.Length != 0 && !File.Exists(TrustedRootCertificatePath))
        {
            errors.Add($"{path}.trustedRootCertificatePath: '{TrustedRootCertificatePath}' is not a file");
        }
    }
}
