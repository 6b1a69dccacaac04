namespace Feeds.Kraken;

/// <summary>Told by <see cref="KrakenSessionReplayer"/> after each received message is decoded.</summary>
public interface IKrakenReplayObserver
{
    /// <summary>The message received at <paramref name="tsRecvNs"/> was decoded with <paramref name="result"/>.</summary>
    void OnMessage(in KrakenDecodeResult result, long tsRecvNs);
}
