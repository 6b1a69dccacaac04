using Feeds.Transport;

namespace Engine.Venues.Alpaca;

/// <summary>The trade_updates stream went up (listening confirmed) or down (its connection ended).</summary>
/// <param name="isUp">Whether it is up now.</param>
/// <param name="reason">Why it went down; <see cref="DisconnectReason.Stopped"/> is meaningless when up.</param>
/// <param name="upCount">How many times the stream has come up, this time included: 1 for the first, more after reconnects.</param>
public sealed class AlpacaStreamStateChangedEventArgs(bool isUp, DisconnectReason reason, long upCount) : EventArgs
{
    /// <summary>Whether the stream is up now.</summary>
    public bool IsUp { get; } = isUp;

    /// <summary>Why it went down (when <see cref="IsUp"/> is false).</summary>
    public DisconnectReason Reason { get; } = reason;

    /// <summary>How many times the stream has come up so far: above 1 means a reconnect, after which open orders must be reconciled.</summary>
    public long UpCount { get; } = upCount;
}
