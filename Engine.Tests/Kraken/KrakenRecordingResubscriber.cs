using Feeds.Kraken;

namespace Engine.Tests.Kraken;

/// <summary>Keeps every resubscribe request.</summary>
internal sealed class KrakenRecordingResubscriber : IKrakenResubscriber
{
    public List<string> Pairs { get; } = [];

    public void RequestResubscribe(string pair) => Pairs.Add(pair);
}
