namespace Feeds.MoldUdp;

/// <summary>Takes the messages a <see cref="MoldUdp64Session"/> unpacks from its packets, in sequence order.</summary>
public interface IMoldUdp64MessageHandler
{
    /// <summary>One message block's payload, with its sequence number (0 for an unsequenced packet) and the packet's receive time.</summary>
    void OnMessage(ReadOnlySpan<byte> message, long sequence, long tsRecvNs);
}
