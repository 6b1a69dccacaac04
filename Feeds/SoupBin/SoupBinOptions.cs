namespace Feeds.SoupBin;

/// <summary>Settings of a SoupBinTCP client session. Credentials are not here: they come from the environment.</summary>
public sealed record SoupBinOptions
{
    /// <summary>Server host name or address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Server TCP port.</summary>
    public int Port { get; set; } = 15000;

    /// <summary>Session to join; blank joins the server's current session.</summary>
    public string Session { get; set; } = "";

    /// <summary>First sequence number wanted on the first login (1 = from the start; later logins resume after the last one received).</summary>
    public long FirstSequence { get; set; } = 1;

    /// <summary>Environment variable holding the username (6 characters at most).</summary>
    public string UsernameVariable { get; set; } = "SOUPBIN_USERNAME";

    /// <summary>Environment variable holding the password (10 characters at most).</summary>
    public string PasswordVariable { get; set; } = "SOUPBIN_PASSWORD";

    /// <summary>The client sends a heartbeat after this long without sending anything, milliseconds (the protocol says 1000).</summary>
    public int HeartbeatIntervalMs { get; set; } = 1_000;

    /// <summary>The session is dropped and re-established after this long without hearing from the server, milliseconds (the protocol says 15000).</summary>
    public int ServerTimeoutMs { get; set; } = 15_000;

    /// <summary>First delay before reconnecting, milliseconds; doubles per failed attempt up to <see cref="ReconnectMaxDelayMs"/>.</summary>
    public int ReconnectInitialDelayMs { get; set; } = 100;

    /// <summary>Longest delay between reconnect attempts, milliseconds.</summary>
    public int ReconnectMaxDelayMs { get; set; } = 10_000;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add($"{path}.host: must not be empty");
        }
        if (Port is < 1 or > 65_535)
        {
            errors.Add($"{path}.port: {Port} is outside 1..65535");
        }
        if (Session.Length > SoupBinLayout.SessionLength)
        {
            errors.Add($"{path}.session: '{Session}' is longer than {SoupBinLayout.SessionLength} characters");
        }
        if (FirstSequence < 0)
        {
            errors.Add($"{path}.firstSequence: {FirstSequence} must be >= 0");
        }
        if (HeartbeatIntervalMs < 10 || HeartbeatIntervalMs >= ServerTimeoutMs)
        {
            errors.Add($"{path}.heartbeatIntervalMs: {HeartbeatIntervalMs} must be >= 10 and below serverTimeoutMs ({ServerTimeoutMs})");
        }
        if (ReconnectInitialDelayMs < 1 || ReconnectInitialDelayMs > ReconnectMaxDelayMs)
        {
            errors.Add($"{path}.reconnectInitialDelayMs: {ReconnectInitialDelayMs} must be 1..reconnectMaxDelayMs ({ReconnectMaxDelayMs})");
        }
    }
}
