namespace Feeds.Kraken;

/// <summary>What a message given to <see cref="KrakenBookDecoder.Decode"/> was.</summary>
public enum KrakenMessageKind : byte
{
    /// <summary>Not recognised: see <see cref="KrakenDecodeResult.Reason"/>.</summary>
    Rejected,

    /// <summary>A book snapshot (<c>"as"</c>/<c>"bs"</c>).</summary>
    Snapshot,

    /// <summary>A book update (<c>"a"</c>/<c>"b"</c>, checksum <c>"c"</c>).</summary>
    Update,

    /// <summary><c>{"event":"heartbeat"}</c>.</summary>
    Heartbeat,

    /// <summary><c>{"event":"systemStatus",...}</c>.</summary>
    SystemStatus,

    /// <summary><c>{"event":"subscriptionStatus",...}</c>.</summary>
    SubscriptionStatus,

    /// <summary>Any other event object (pong, error, ...): counted, otherwise ignored.</summary>
    OtherEvent,

    /// <summary>An array message of a channel other than <c>book-N</c> (trade, spread, ...): counted, otherwise ignored.</summary>
    OtherChannel,
}
