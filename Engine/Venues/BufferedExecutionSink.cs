using System.Diagnostics;
using Engine.Memory;
using Engine.Orders;
using Engine.Pipeline;
using Engine.Ring;

namespace Engine.Venues;

/// <summary>
/// A venue's way into the inbound ring that never waits while the ring is full: reports that do
/// not fit wait in a pre-sized queue, in order, and go in at the next <see cref="Flush"/>.
/// </summary>
/// <remarks>
/// One thread: the venue's. The paper venue runs on the loop, the ring's only consumer, so waiting
/// for room would wait on itself: the loop flushes at the end of each batch instead. A report that
/// finds the queue full too doubles it (<see cref="Grown"/> counts it: an allocation, in an overload,
/// rather than a lost report or a stalled engine): size <c>orders.reportQueue</c> so it never happens.
/// </remarks>
public sealed class BufferedExecutionSink : IExecutionSink
{
    private readonly RingBuffer<InboundEvent> _ring;
    private ExecutionReport[] _pending;
    private int _head;
    private int _count;
    private long _published;
    private long _grown;

    /// <summary>A sink over <paramref name="ring"/> that can hold <paramref name="capacity"/> reports while the ring is full.</summary>
    public BufferedExecutionSink(RingBuffer<InboundEvent> ring, int capacity)
    {
        ArgumentNullException.ThrowIfNull(ring);
        if (capacity < 1)
        {
            ThrowHelper.ThrowArgument(nameof(capacity), $"capacity {capacity} must be at least 1");
        }
        _ring = ring;
        _pending = Prefaulted.Array<ExecutionReport>(capacity);
    }

    /// <summary>Reports waiting for room in the ring.</summary>
    /// <remarks>Any thread (metrics); the counts below too: the venue's thread writes them with release stores.</remarks>
    public int Pending => Volatile.Read(ref _count);

    /// <summary>Reports published since start-up.</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Times the queue was full too and doubled.</summary>
    public long Grown => Volatile.Read(ref _grown);

    /// <inheritdoc />
    public void Publish(in ExecutionReport report)
    {
        if (_count == 0 && TryPublish(in report))
        {
            return;
        }
        if (_count == _pending.Length)
        {
            Flush();
            if (_count == _pending.Length)
            {
                Grow();
            }
        }
        _pending[(_head + _count) % _pending.Length] = report;
        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>Moves waiting reports into the ring while it has room; true when none is left waiting.</summary>
    public bool Flush()
    {
        while (_count > 0 && TryPublish(in _pending[_head]))
        {
            _head = (_head + 1) % _pending.Length;
            Volatile.Write(ref _count, _count - 1);
        }
        return _count == 0;
    }

    private void Grow()
    {
        Volatile.Write(ref _grown, _grown + 1);
        var larger = Prefaulted.Array<ExecutionReport>(_pending.Length * 2);
        for (int i = 0; i < _count; i++)
        {
            larger[i] = _pending[(_head + i) % _pending.Length];
        }
        _pending = larger;
        _head = 0;
    }

    private bool TryPublish(in ExecutionReport report)
    {
        if (!_ring.TryNext(out long sequence))
        {
            return false;
        }
        ref var slot = ref _ring[sequence];
        slot.Kind = InboundKind.Execution;
        slot.Execution = report;
        slot.TsPublishTicks = Stopwatch.GetTimestamp();
        _ring.Publish(sequence);
        Volatile.Write(ref _published, _published + 1);
        return true;
    }
}
