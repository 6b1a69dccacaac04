namespace Feeds.Alpaca;

/// <summary>How the session answers each error code of the stream, following the documentation's meaning of each.</summary>
public static class AlpacaErrorPolicy
{
    /// <summary>The action for <paramref name="code"/>; a code the documentation does not list is counted and the session continues.</summary>
    public static AlpacaErrorAction ActionFor(int code) => (AlpacaErrorCode)code switch
    {
        // Wrong credentials, no v2 access, a source outside the plan: the same answer every time.
        AlpacaErrorCode.AuthFailed or AlpacaErrorCode.V2NotEnabled or AlpacaErrorCode.InsufficientSubscription => AlpacaErrorAction.Stop,

        // The handshake went out of order or too slowly, the account's one session is still held
        // (often our own previous connection, not yet dropped by the server), or Alpaca failed:
        // a fresh session after the backoff delay can succeed.
        AlpacaErrorCode.NotAuthenticated or AlpacaErrorCode.AuthTimeout or AlpacaErrorCode.ConnectionLimitExceeded
            or AlpacaErrorCode.InternalError => AlpacaErrorAction.Reconnect,

        // A rejected request leaves the session as it was (405: "your symbol subscriptions are the
        // same as they were"); repeating it would be rejected again. 407 comes before the server
        // drops us, and that close is what triggers the reconnect. 403 is harmless.
        _ => AlpacaErrorAction.Continue,
    };
}
