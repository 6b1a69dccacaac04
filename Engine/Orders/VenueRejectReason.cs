namespace Engine.Orders;

/// <summary>Why a venue (or the router on its behalf) refused an order or a cancel: typed, for metrics and logs.</summary>
public enum VenueRejectReason : byte
{
    /// <summary>Not a reject.</summary>
    None,

    /// <summary>Not enough buying power (Alpaca 403, 40310000).</summary>
    InsufficientBuyingPower,

    /// <summary>The request was malformed or a field invalid (Alpaca 422, 42210000; 400).</summary>
    InvalidOrder,

    /// <summary>No such order or symbol (Alpaca 404, 40410000).</summary>
    NotFound,

    /// <summary>The order cannot be changed in its state (already filled, pending, closed).</summary>
    NotCancelable,

    /// <summary>The credentials were refused (401, 403 other than buying power).</summary>
    Unauthorized,

    /// <summary>Rate limited and the retries ran out (429).</summary>
    RateLimited,

    /// <summary>The venue failed (5xx) or could not be reached and the retries ran out.</summary>
    VenueUnavailable,

    /// <summary>The market has no liquidity for the order (paper venue: market or FOK order against an empty side).</summary>
    NoLiquidity,

    /// <summary>The outbound ring was full: the order never left the engine.</summary>
    OutboundFull,

    /// <summary>Held back while the venue's order stream was down, then dropped as too old to send.</summary>
    StreamDown,

    /// <summary>The venue's answer did not fit any known reason.</summary>
    Other,
}
