namespace Feeds.Alpaca;

/// <summary>How the session answers each error code of the stream, following the documentation's meaning of each.</summary>
public static class AlpacaErrorPolicy
{
    /// <summary>The action for <paramref name="code"/>; a code the documentation does not list is counted and the session continues.</summary>
    public static AlpacaErrorAction ActionFor(int code) => (AlpacaErrorCode)code switch
    {
        // Wrong credentials, no v2 access, a source outside the plan: the same answer every time.
        // 400 and 405 answer our one subscribe (or auth) per connection: the request was malformed,
        // or asks for more symbols than the plan allows; a new connection would send the same
        // bytes and get the same refusal, so stop and let the operator fix the configuration.
        AlpacaErrorCode.AuthFailed or AlpacaErrorCode.V2NotEnabled or AlpacaErrorCode.InsufficientSubscription
            or AlpacaErrorCode.InvalidSyntax or AlpacaErrorCode.SymbolLimitExceeded => AlpacaErrorAction.Stop,

        // The handshake went out of order or too slowly, the account's one session is still held
        // (often our own previous connection, not yet dropped by the server), or Alpaca failed:
        // a fresh session after the backoff delay can succeed.
        AlpacaErrorCode.NotAuthenticated or AlpacaErrorCode.AuthTimeout or AlpacaErrorCode.ConnectionLimitExceeded
            or AlpacaErrorCode.InternalError => AlpacaErrorAction.Reconnect,

        // 403 is harmless (the session is authenticated). 407 comes before the server drops us,
        // and that close is what triggers the reconnect. 410 and codes the documentation does not
        // list change nothing we know of: counted and logged.
        _ => AlpacaErrorAction.Continue,
    };
}
