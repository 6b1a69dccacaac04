using Engine.Book;
using BenchmarkDotNet.Attributes;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Feeds.Synthetic;

namespace Engine.Bench.Micro;

/// <summary>
/// Cost per event of the engine's handler chain, run over a ring full of synthetic market events
/// in the processor's calling pattern (by reference, end of batch on the last).
/// </summary>
[MemoryDiagnoser]
public class HandlerChainBenchmarks
{
    private const int Events = 4_096;

    private RingBuffer<InboundEvent> _ring = null!;
    private HandlerChain _chain;

    [GlobalSetup]
    public void Setup()
    {
        _ring = RingBuffer<InboundEvent>.Create(ProducerType.Single, Events, new BusySpinWaitStrategy());
        var sink = new RingMarketDataSink(_ring);
        new SyntheticMarketFeed(new SyntheticFeedOptions { MaxEventsPerThread = Events, RateEventsPerSecond = 0 }, 0, sink).Run(CancellationToken.None);
        _chain = new HandlerChain(new OrderBooks(new BookOptions()), new EventCounter());
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long EventCounterChain()
    {
        for (long sequence = 0; sequence < Events; sequence++)
        {
            _chain.OnEvent(ref _ring[sequence], sequence, sequence == Events - 1);
        }
        return _chain.Counter.Total;
    }
}
