namespace Feeds.Kraken;

/// <summary>
/// What <see cref="KrakenBookDecoder"/> calls when a pair's book became invalid and needs a fresh
/// snapshot: the transport unsubscribes and subscribes the pair again.
/// </summary>
/// <remarks>
/// Called on the decoding thread, inside <see cref="KrakenBookDecoder.Decode"/>: an implementation
/// should only queue the request (the transport sends it from its own loop) and must not call back
/// into the decoder.
/// </remarks>
public interface IKrakenResubscriber
{
    /// <summary>Asks for a new subscription (hence a new snapshot) of <paramref name="pair"/>, for example "XBT/USD".</summary>
    void RequestResubscribe(string pair);
}
