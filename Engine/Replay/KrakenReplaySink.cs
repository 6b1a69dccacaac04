using Feeds;

namespace Engine.Replay;

/// <summary>The sink of a Kraken replay: counts the events the decoder publishes, per kind.</summary>
internal sealed class KrakenReplaySink : IMarketDataSink
{
    private readonly long[] _byKind = new long[Enum.GetValues<MarketDataKind>().Length];

    /// <summary>Events published.</summary>
    public long Events { get; private set; }

    /// <summary>Events of <paramref name="kind"/> published.</summary>
    public long Count(MarketDataKind kind) => _byKind[(int)kind];

    /// <inheritdoc/>
    public void Publish(in MarketDataEvent marketEvent)
    {
        Events++;
        _byKind[(int)marketEvent.Kind]++;
    }
}
