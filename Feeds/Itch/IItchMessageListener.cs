namespace Feeds.Itch;

/// <summary>
/// Sees every message an <see cref="ItchDecoder"/> decodes, with all its fields, including the types
/// that become no <see cref="MarketDataEvent"/> (system events, directory, auctions, imbalances).
/// </summary>
/// <remarks>Called on the decoding thread, after the message's event (if any) was published. The reader is valid only during the call.</remarks>
public interface IItchMessageListener
{
    /// <summary>One decoded message; <paramref name="instrumentId"/> is the instrument its locate is bound to, or -1.</summary>
    void OnMessage(ItchMessageReader message, int instrumentId, long sequence);
}
