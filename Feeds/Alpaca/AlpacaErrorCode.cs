namespace Feeds.Alpaca;

/// <summary>
/// The error codes of the market data v2 stream (<c>[{"T":"error","code":402,"msg":"auth failed"}]</c>),
/// as <c>stock-pricing-data-realtime.md</c> lists them. Codes are stable; message texts are not.
/// </summary>
public enum AlpacaErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>400: a message we sent did not follow the specification.</summary>
    InvalidSyntax = 400,

    /// <summary>401: we subscribed or unsubscribed before authenticating.</summary>
    NotAuthenticated = 401,

    /// <summary>402: the credentials were rejected.</summary>
    AuthFailed = 402,

    /// <summary>403: we authenticated twice in one session.</summary>
    AlreadyAuthenticated = 403,

    /// <summary>404: we did not authenticate within the few seconds the server allows after connecting.</summary>
    AuthTimeout = 404,

    /// <summary>405: the subscription would pass the plan's symbol limit; the subscriptions stay as they were.</summary>
    SymbolLimitExceeded = 405,

    /// <summary>406: the account already has an authenticated session (one connection per account).</summary>
    ConnectionLimitExceeded = 406,

    /// <summary>407: we read too slowly; the server may disconnect us.</summary>
    SlowClient = 407,

    /// <summary>408: the account has no access to Data v2.</summary>
    V2NotEnabled = 408,

    /// <summary>409: the data source (for example sip) is not in the account's subscription.</summary>
    InsufficientSubscription = 409,

    /// <summary>410: not described by the stored documentation; Alpaca's current pages call it an invalid subscribe action for this feed.</summary>
    InvalidSubscribeAction = 410,

    /// <summary>500: an internal error at Alpaca.</summary>
    InternalError = 500,
}
