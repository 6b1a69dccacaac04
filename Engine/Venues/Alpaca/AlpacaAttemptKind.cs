namespace Engine.Venues.Alpaca;

/// <summary>How one HTTP exchange with Alpaca ended.</summary>
internal enum AlpacaAttemptKind
{
    /// <summary>An answer came (any status).</summary>
    Answered,

    /// <summary>No complete answer within the request timeout: the request may have reached the venue.</summary>
    TimedOut,

    /// <summary>The connection dropped after the request went out: it may have reached the venue.</summary>
    ConnectionLost,

    /// <summary>No connection could be made (refused, DNS, TLS handshake): the request never left.</summary>
    NotSent,

    /// <summary>The rate limiter's queue was full: the request never left.</summary>
    RateLimitedLocally,

    /// <summary>The URL policy refused the request (plain http in live mode): it never left.</summary>
    RefusedByPolicy,
}
