using System.Collections.Concurrent;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Microsoft.Extensions.Logging;

namespace Engine.Logging;

/// <summary>
/// An <see cref="ILoggerProvider"/> whose loggers never write on the caller's thread. A log call
/// claims a slot of a pre-sized multi-producer ring (the engine's own sequencer), fills it and
/// publishes it; one background thread formats and writes the lines. A full ring never blocks the
/// caller: the event is dropped and counted, and the writer says how many when it catches up.
/// </summary>
/// <remarks>
/// Any thread may log and read <see cref="DroppedCount"/>; <see cref="SetLevels"/> from the control
/// thread. The writer sleeps in a blocking wait strategy while the ring is empty, so an idle log costs
/// no CPU; a publish then costs a fence, plus a lock only when the writer is asleep.
/// </remarks>
internal sealed class RingLoggerProvider : ILoggerProvider
{
    private readonly LogSlot[] _slots;
    private readonly int _mask;
    private readonly MultiProducerSequencer _sequencer;
    private readonly Sequence _written = new();
    private readonly SequenceBarrier _barrier;
    private readonly LogWriter _writer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _drainTimeout;
    private readonly Thread _thread;
    private readonly ConcurrentDictionary<string, RingLogger> _loggers = new(StringComparer.Ordinal);
    private LogLevelTable _levels;
    private long _droppedAfterDispose;
    private long _reportedDrops;
    private int _disposed;

    /// <summary>Starts the writer thread over a ring of <paramref name="slots"/> slots (a power of two).</summary>
    public RingLoggerProvider(int slots, LogLevelTable levels, LogWriter writer, TimeProvider time, TimeSpan drainTimeout)
    {
        _slots = new LogSlot[slots];
        for (int i = 0; i < slots; i++)
        {
            _slots[i] = new LogSlot();
        }
        _mask = slots - 1;
        _sequencer = new MultiProducerSequencer(slots, new BlockingWaitStrategy());
        _sequencer.AddGatingSequences(_written);
        _barrier = _sequencer.NewBarrier();
        _levels = levels;
        _writer = writer;
        _time = time;
        _drainTimeout = drainTimeout;
        _thread = new Thread(Run) { Name = "engine-log", IsBackground = true };
        _thread.Start();
    }

    /// <summary>The level table loggers read; swapped whole by <see cref="SetLevels"/>.</summary>
    public LogLevelTable Levels => Volatile.Read(ref _levels);

    /// <summary>Events dropped because the ring was full (or logged after disposal).</summary>
    public long DroppedCount => _sequencer.TryClaimFailures + Interlocked.Read(ref _droppedAfterDispose);

    /// <summary>Events the writer could not format or write.</summary>
    public long FailureCount => _writer.FailureCount;

    /// <summary>Swaps in <paramref name="levels"/>; every logger uses it from its next call.</summary>
    public void SetLevels(LogLevelTable levels) =>
        // Release: a logger that sees the new table sees it whole.
        Volatile.Write(ref _levels, levels);

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, provider) => new RingLogger(name, provider), this);

    /// <summary>Puts one event into the ring, or drops and counts it when the ring is full.</summary>
    public void Enqueue<TState>(string category, LogLevel level, int eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            Interlocked.Increment(ref _droppedAfterDispose);
            return;
        }
        if (!_sequencer.TryNext(out long sequence))
        {
            return; // counted by the sequencer (TryClaimFailures)
        }
        var slot = _slots[(int)sequence & _mask];
        slot.TimestampTicks = _time.GetUtcNow().UtcTicks;
        slot.Level = level;
        slot.EventId = eventId;
        slot.Category = category;
        slot.State = state;
        slot.Formatter = formatter;
        slot.Format = StateFormatter<TState>.Format;
        slot.Exception = exception;
        _sequencer.Publish(sequence);
    }

    /// <summary>Stops taking events, lets the writer drain the ring and flush, waiting at most the drain timeout.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _barrier.Alert();
        if (_thread.Join(_drainTimeout))
        {
            _writer.Dispose();
        }
    }

    private void Run()
    {
        long next = _written.Value + 1;
        while (true)
        {
            long available = _barrier.WaitFor(next);
            if (available < next)
            {
                if (_barrier.IsAlerted)
                {
                    break;
                }
                continue;
            }
            for (long sequence = next; sequence <= available; sequence++)
            {
                var slot = _slots[(int)sequence & _mask];
                _writer.Write(slot);
                slot.Clear();
                // Release: the slot is cleared before producers may claim it again. Per slot, not per
                // batch, so a long batch frees room as it goes instead of dropping events meanwhile.
                _written.SetValue(sequence);
            }
            next = available + 1;
            ReportDrops();
            _writer.Flush();
        }
        ReportDrops();
        _writer.Flush();
    }

    private void ReportDrops()
    {
        long total = DroppedCount;
        if (total > _reportedDrops)
        {
            _writer.WriteDropped(_time.GetUtcNow().UtcTicks, total - _reportedDrops, total);
            _reportedDrops = total;
        }
    }
}
