using System.Text;
using BenchmarkDotNet.Attributes;
using Feeds;
using Feeds.Alpaca;
using Feeds.Instruments;

namespace Engine.Bench.Micro;

/// <summary>
/// Cost of decoding Alpaca market data v2 messages (the frames of stock-pricing-data-realtime.md)
/// into market-data events, sink included, transport excluded.
/// </summary>
[MemoryDiagnoser]
public class AlpacaDecodeBenchmarks
{
    private static readonly byte[] s_trade = Encoding.UTF8.GetBytes(
        """[{"T":"t","i":96921,"S":"AAPL","x":"D","p":126.55,"s":1,"t":"2021-02-22T15:51:44.208Z","c":["@","I"],"z":"C"}]""");

    private static readonly byte[] s_threeQuotes = Encoding.UTF8.GetBytes(
        """[{"T":"q","S":"AMD","bx":"U","bp":87.66,"bs":1,"ax":"X","ap":87.67,"as":1,"t":"2021-02-22T15:51:45.3355677Z","c":["R"],"z":"C"},{"T":"q","S":"AMD","bx":"U","bp":87.66,"bs":1,"ax":"Q","ap":87.68,"as":4,"t":"2021-02-22T15:51:45.335689322Z","c":["R"],"z":"C"},{"T":"q","S":"AMD","bx":"U","bp":87.66,"bs":1,"ax":"X","ap":87.67,"as":1,"t":"2021-02-22T15:51:45.335806018Z","c":["R"],"z":"C"}]""");

    private AlpacaMessageDecoder _decoder = null!;

    [GlobalSetup]
    public void Setup()
    {
        var instruments = new InstrumentTable(4);
        instruments.GetOrAdd("AAPL", 4);
        instruments.GetOrAdd("AMD", 4);
        _decoder = new AlpacaMessageDecoder(instruments, new DiscardingSink());
    }

    /// <summary>One message holding one trade.</summary>
    [Benchmark(Baseline = true)]
    public int Trade() => _decoder.Decode(s_trade, 0).Events;

    /// <summary>One message holding three quotes.</summary>
    [Benchmark]
    public int ThreeQuotes() => _decoder.Decode(s_threeQuotes, 0).Events;

    private sealed class DiscardingSink : IMarketDataSink
    {
        public void Publish(in MarketDataEvent marketEvent)
        {
        }
    }
}
