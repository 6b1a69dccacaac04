using System.Diagnostics;
using Feeds.SoupBin;

namespace Feeds.Itch;

/// <summary>
/// Live ITCH over SoupBinTCP: each sequenced message goes to the <see cref="ItchDecoder"/> with its
/// SoupBinTCP sequence number; session changes become <see cref="MarketDataKind.FeedStatus"/> events.
/// </summary>
/// <remarks>Runs on the SoupBinTCP client's receive task, like the decoder it feeds.</remarks>
public sealed class ItchSoupBinHandler : ISoupBinHandler
{
    private readonly ItchDecoder _decoder;
    private readonly IMarketDataSink _sink;

    /// <summary>Creates the handler over a decoder and the sink that decoder publishes into.</summary>
    public ItchSoupBinHandler(ItchDecoder decoder, IMarketDataSink sink)
    {
        _decoder = decoder;
        _sink = sink;
    }

    /// <inheritdoc />
    public void OnSequencedMessage(ReadOnlySpan<byte> message, long sequence) =>
        _decoder.Decode(message, sequence, Stopwatch.GetTimestamp());

    /// <inheritdoc />
    public void OnSessionEvent(SoupBinSessionEvent sessionEvent, string detail)
    {
        var status = sessionEvent switch
        {
            SoupBinSessionEvent.LoggedIn => FeedStatus.Connected,
            SoupBinSessionEvent.Disconnected or SoupBinSessionEvent.LoginRejected or SoupBinSessionEvent.EndOfSession => FeedStatus.Disconnected,
            _ => FeedStatus.Unknown,
        };
        if (status == FeedStatus.Unknown)
        {
            return; // a malformed packet is counted by the client; it says nothing about the books
        }
        var e = new MarketDataEvent
        {
            Kind = MarketDataKind.FeedStatus,
            Status = (byte)status,
            InstrumentId = ItchDecoder.NoInstrument,
            TsRecvNs = Stopwatch.GetTimestamp(),
            EndOfMessage = true,
        };
        _sink.Publish(in e);
    }
}
