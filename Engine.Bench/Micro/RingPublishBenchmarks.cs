using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Engine.Bench.Latency;
using Engine.Ring;
using Engine.Ring.WaitStrategies;

namespace Engine.Bench.Micro;

/// <summary>
/// Cost per event of claim, write, publish and read back on one thread, with no contention: the
/// ring's own instruction cost, and proof that it allocates nothing per event. Baseline: the same
/// events through a bounded <see cref="Channel{T}"/>.
/// </summary>
[MemoryDiagnoser]
public class RingPublishBenchmarks
{
    private const int Events = 1_024;

    private RingBuffer<ValueEvent> _single = null!;
    private Sequence _singleRead = null!;
    private RingBuffer<ValueEvent> _multi = null!;
    private Sequence _multiRead = null!;
    private Channel<ValueEvent> _channel = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_single, _singleRead) = NewRing(ProducerType.Single);
        (_multi, _multiRead) = NewRing(ProducerType.Multi);
        _channel = Channel.CreateBounded<ValueEvent>(new BoundedChannelOptions(Events) { SingleReader = true, SingleWriter = true });
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public long ChannelWriteThenRead()
    {
        for (int i = 0; i < Events; i++)
        {
            _channel.Writer.TryWrite(new ValueEvent { Value = i });
        }
        long sum = 0;
        while (_channel.Reader.TryRead(out var e))
        {
            sum += e.Value;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long SingleProducerPublishThenRead() => PublishThenRead(_single, _singleRead);

    [Benchmark(OperationsPerInvoke = Events)]
    public long MultiProducerPublishThenRead() => PublishThenRead(_multi, _multiRead);

    [Benchmark(OperationsPerInvoke = Events)]
    public long SingleProducerClaimScopeThenRead()
    {
        for (int i = 0; i < Events; i++)
        {
            using var claim = _single.Claim();
            claim.Event.Value = i;
        }
        return ReadAll(_single, _singleRead);
    }

    private static long PublishThenRead(RingBuffer<ValueEvent> ring, Sequence read)
    {
        for (int i = 0; i < Events; i++)
        {
            long sequence = ring.Next();
            ring[sequence].Value = i;
            ring.Publish(sequence);
        }
        return ReadAll(ring, read);
    }

    private static long ReadAll(RingBuffer<ValueEvent> ring, Sequence read)
    {
        long sum = 0;
        long last = ring.Sequencer.GetHighestPublishedSequence(read.Value + 1, ring.Cursor);
        for (long sequence = read.Value + 1; sequence <= last; sequence++)
        {
            sum += ring[sequence].Value;
        }
        read.SetValue(last);
        return sum;
    }

    private static (RingBuffer<ValueEvent> Ring, Sequence Read) NewRing(ProducerType producers)
    {
        var ring = RingBuffer<ValueEvent>.Create(producers, Events, new BusySpinWaitStrategy());
        var read = new Sequence();
        ring.AddGatingSequences(read);
        return (ring, read);
    }
}
