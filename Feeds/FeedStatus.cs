namespace Feeds;

/// <summary>State of a feed connection, carried by <see cref="MarketDataKind.FeedStatus"/>.</summary>
public enum FeedStatus : byte
{
    /// <summary>Not known.</summary>
    Unknown,

    /// <summary>Connected and subscribed; books valid once their snapshot has arrived.</summary>
    Connected,

    /// <summary>No message for longer than the stale timeout: books from this feed are not to be trusted.</summary>
    Stale,

    /// <summary>A sequence gap: messages were lost; books are invalid until resynchronised.</summary>
    Gap,

    /// <summary>A resynchronisation started (new snapshot requested): books invalid until it ends.</summary>
    Resync,

    /// <summary>Disconnected.</summary>
    Disconnected,
}
