using Engine.Ring;

namespace Engine.Tests.Ring;

/// <summary>
/// A consumer that checks what it sees instead of trusting it: sequences arrive one by one with no
/// gap, and each producer's counter goes up by exactly one (so nothing is lost, duplicated or
/// reordered). It never throws, so a broken ring shows up in its counts, not as a fault.
/// </summary>
/// <remarks>Processor thread only; read the results after the processor has stopped.</remarks>
internal sealed class CheckingHandler : IEventHandler<TestEvent>
{
    private readonly long[] _lastValueByProducer;
    private long _lastSequence = Sequence.InitialValue;

    public CheckingHandler(int producers) => _lastValueByProducer = new long[producers];

    /// <summary>Events seen.</summary>
    public long Count { get; private set; }

    /// <summary>Sum of every value seen.</summary>
    public long Sum { get; private set; }

    /// <summary>Events whose value was not its producer's previous value + 1, or whose producer id was out of range.</summary>
    public long OrderViolations { get; private set; }

    /// <summary>Events whose sequence was not the previous one + 1.</summary>
    public long SequenceGaps { get; private set; }

    /// <summary>Events that arrived flagged as the end of a batch.</summary>
    public long Batches { get; private set; }

    /// <summary>Longest run of events up to and including an end of batch.</summary>
    public long LongestBatch { get; private set; }

    private long _currentBatch;

    /// <summary>The last value seen from <paramref name="producerId"/>.</summary>
    public long LastValue(int producerId) => _lastValueByProducer[producerId];

    public void OnEvent(ref TestEvent e, long sequence, bool endOfBatch)
    {
        if (sequence != _lastSequence + 1)
        {
            SequenceGaps++;
        }
        _lastSequence = sequence;

        if ((uint)e.ProducerId < (uint)_lastValueByProducer.Length)
        {
            ref long last = ref _lastValueByProducer[e.ProducerId];
            if (e.Value != last + 1)
            {
                OrderViolations++;
            }
            last = e.Value;
        }
        else
        {
            OrderViolations++;
        }

        Count++;
        Sum += e.Value;
        _currentBatch++;
        if (endOfBatch)
        {
            Batches++;
            LongestBatch = Math.Max(LongestBatch, _currentBatch);
            _currentBatch = 0;
        }
    }
}
