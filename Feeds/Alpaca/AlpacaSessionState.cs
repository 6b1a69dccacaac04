namespace Feeds.Alpaca;

/// <summary>Where an <see cref="AlpacaStreamSession"/> is in the connected → auth → subscribe handshake.</summary>
public enum AlpacaSessionState
{
    /// <summary>No connection.</summary>
    Disconnected,

    /// <summary>Connected; waiting for <c>{"T":"success","msg":"connected"}</c>.</summary>
    AwaitingWelcome,

    /// <summary>Auth sent; waiting for <c>{"T":"success","msg":"authenticated"}</c>.</summary>
    Authenticating,

    /// <summary>Subscribe sent; waiting for the subscription confirmation.</summary>
    Subscribing,

    /// <summary>Subscribed: data flows.</summary>
    Streaming,

    /// <summary>An error that reconnecting cannot fix (see <see cref="AlpacaErrorPolicy"/>): the session gave up.</summary>
    Failed,
}
