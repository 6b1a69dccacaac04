namespace Feeds.SoupBin;

/// <summary>What a <see cref="SoupBinClient"/> delivers: sequenced messages, in order, exactly once each, and session events.</summary>
/// <remarks>Called on the client's receive task, one call at a time.</remarks>
public interface ISoupBinHandler
{
    /// <summary>One sequenced message (for example an ITCH message), valid only during the call.</summary>
    void OnSequencedMessage(ReadOnlySpan<byte> message, long sequence);

    /// <summary>The session changed state.</summary>
    void OnSessionEvent(SoupBinSessionEvent sessionEvent, string detail);
}
