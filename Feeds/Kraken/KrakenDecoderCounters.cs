namespace Feeds.Kraken;

/// <summary>What a <see cref="KrakenBookDecoder"/> has seen: plain counters, written by the decoding thread.</summary>
/// <remarks>Read them from another thread only after the decoding thread has stopped (or accept torn, stale values).</remarks>
public sealed class KrakenDecoderCounters
{
    private readonly long[] _rejected = new long[Enum.GetValues<KrakenRejectReason>().Length];

    /// <summary>Messages given to the decoder.</summary>
    public long Messages { get; internal set; }

    /// <summary>Snapshots applied.</summary>
    public long Snapshots { get; internal set; }

    /// <summary>Well-formed update messages, whether applied or ignored (book not ready).</summary>
    public long Updates { get; internal set; }

    /// <summary>Updates whose checksum matched the book after applying them.</summary>
    public long ChecksumsVerified { get; internal set; }

    /// <summary>Updates whose checksum did not match: each invalidated its book.</summary>
    public long ChecksumsFailed { get; internal set; }

    /// <summary>Applied updates that carried no checksum.</summary>
    public long UpdatesWithoutChecksum { get; internal set; }

    /// <summary>Heartbeat events.</summary>
    public long Heartbeats { get; internal set; }

    /// <summary>systemStatus events.</summary>
    public long SystemStatus { get; internal set; }

    /// <summary>subscriptionStatus events.</summary>
    public long SubscriptionStatus { get; internal set; }

    /// <summary>Other event objects.</summary>
    public long OtherEvents { get; internal set; }

    /// <summary>Array messages of channels other than <c>book-N</c>.</summary>
    public long OtherChannels { get; internal set; }

    /// <summary>Resubscribe requests made (one per invalidation by the decoder).</summary>
    public long ResubscribeRequests { get; internal set; }

    /// <summary>Levels dropped because they fell below the subscribed depth.</summary>
    public long LevelsTruncated { get; internal set; }

    /// <summary>Deletes (volume 0) of a price the book did not hold: counted, harmless.</summary>
    public long DeletesOfAbsentLevels { get; internal set; }

    /// <summary>Messages that were not valid messages at all: every reject reason except <see cref="KrakenRejectReason.BookNotReady"/>.</summary>
    public long Malformed
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _rejected.Length; i++)
            {
                total += i == (int)KrakenRejectReason.BookNotReady ? 0 : _rejected[i];
            }
            return total;
        }
    }

    /// <summary>Messages rejected for <paramref name="reason"/>.</summary>
    public long Rejected(KrakenRejectReason reason) => _rejected[(int)reason];

    internal void CountRejected(KrakenRejectReason reason) => _rejected[(int)reason]++;
}
