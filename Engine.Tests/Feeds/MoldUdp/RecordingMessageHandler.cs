using Feeds.MoldUdp;

namespace Engine.Tests.Feeds.MoldUdp;

/// <summary>Keeps every message a <see cref="MoldUdp64Session"/> delivers, with its sequence number.</summary>
internal sealed class RecordingMessageHandler : IMoldUdp64MessageHandler
{
    private readonly List<(byte[] Message, long Sequence)> _messages = [];

    public IReadOnlyList<(byte[] Message, long Sequence)> Messages => _messages;

    public IEnumerable<long> Sequences => _messages.Select(m => m.Sequence);

    public void OnMessage(ReadOnlySpan<byte> message, long sequence, long tsRecvNs) => _messages.Add((message.ToArray(), sequence));
}
