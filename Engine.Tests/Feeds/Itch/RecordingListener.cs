using Feeds.Itch;

namespace Engine.Tests.Feeds.Itch;

/// <summary>Keeps a copy of every message an <see cref="ItchDecoder"/> shows its listener.</summary>
internal sealed class RecordingListener : IItchMessageListener
{
    private readonly List<(byte[] Bytes, int InstrumentId, long Sequence)> _messages = [];

    public IReadOnlyList<(byte[] Bytes, int InstrumentId, long Sequence)> Messages => _messages;

    public void OnMessage(ItchMessageReader message, int instrumentId, long sequence) =>
        _messages.Add((message.Bytes.ToArray(), instrumentId, sequence));
}
