using System.Collections.Concurrent;
using Feeds.SoupBin;

namespace Engine.Tests.SoupBin;

/// <summary>Keeps every message and session event the client delivers.</summary>
internal sealed class RecordingSoupBinHandler : ISoupBinHandler
{
    public ConcurrentQueue<(long Sequence, byte[] Message)> Messages { get; } = new();

    public ConcurrentQueue<(SoupBinSessionEvent Event, string Detail)> Events { get; } = new();

    public void OnSequencedMessage(ReadOnlySpan<byte> message, long sequence) => Messages.Enqueue((sequence, message.ToArray()));

    public void OnSessionEvent(SoupBinSessionEvent sessionEvent, string detail) => Events.Enqueue((sessionEvent, detail));
}
