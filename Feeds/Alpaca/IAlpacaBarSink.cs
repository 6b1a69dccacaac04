namespace Feeds.Alpaca;

/// <summary>Receives the bars of the stream, on the feed's I/O thread.</summary>
public interface IAlpacaBarSink
{
    /// <summary>One decoded bar.</summary>
    void OnBar(in AlpacaBar bar);
}
