namespace Feeds.Alpaca;

/// <summary>What the session does about an <see cref="AlpacaErrorCode"/>.</summary>
public enum AlpacaErrorAction
{
    /// <summary>Count and log it; the connection and its subscriptions stay as they are.</summary>
    Continue,

    /// <summary>Drop the connection and start a fresh session after the backoff delay.</summary>
    Reconnect,

    /// <summary>Stop for good: reconnecting with the same credentials or plan cannot succeed.</summary>
    Stop,
}
