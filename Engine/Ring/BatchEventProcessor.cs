using System.Runtime.CompilerServices;

namespace Engine.Ring;

/// <summary>
/// Runs one handler (usually a whole chain) over every event of a ring, in batches: it waits for
/// what is published, hands each event over by reference and marks the last of the batch, then
/// moves its own sequence forward once per batch.
/// </summary>
/// <typeparam name="T">The event struct.</typeparam>
/// <typeparam name="THandler">The handler; a struct type makes the JIT inline the chain.</typeparam>
/// <remarks>
/// <see cref="Run"/> on one dedicated thread; <see cref="Halt"/> from any thread. A handler that
/// throws goes to the <see cref="IExceptionHandler"/>, which says continue (the event is skipped) or
/// halt (the processor stops in <see cref="ProcessorState.Faulted"/>). On halt the processor first
/// processes everything published up to that moment, so stop the producers before halting.
/// </remarks>
public sealed class BatchEventProcessor<T, THandler> : IEventProcessor
    where T : unmanaged
    where THandler : IEventHandler<T>
{
    private readonly RingBuffer<T> _ring;
    private readonly SequenceBarrier _barrier;
    private readonly IExceptionHandler _exceptionHandler;
    private readonly int _maxBatchSize;
    private readonly long _idleTicks;
    private readonly Action? _onIdle;
    private THandler _handler; // not readonly: a struct handler keeps its own state
    private int _state;
    private long _faults;

    /// <summary>
    /// Creates a processor; register <see cref="Sequence"/> as a gating sequence before producers start.
    /// With <paramref name="onIdle"/>, <see cref="Run"/> calls it on its own thread whenever nothing has
    /// been published for about <paramref name="idleTicks"/> (Stopwatch ticks), then waits again.
    /// </summary>
    public BatchEventProcessor(RingBuffer<T> ring, SequenceBarrier barrier, THandler handler, IExceptionHandler exceptionHandler, int maxBatchSize, long idleTicks = 0, Action? onIdle = null)
    {
        if ((onIdle is null) != (idleTicks == 0) || idleTicks < 0)
        {
            ThrowHelper.ThrowArgument(nameof(idleTicks), $"an idle action needs an idle time above 0 and an idle time needs an action, got {idleTicks} ticks and {(onIdle is null ? "no action" : "an action")}");
        }
        if (maxBatchSize < 1 || maxBatchSize > ring.BufferSize)
        {
            ThrowHelper.ThrowArgument(nameof(maxBatchSize), $"max batch size must be 1..{ring.BufferSize}, got {maxBatchSize}");
        }
        _ring = ring;
        _barrier = barrier;
        _handler = handler;
        _exceptionHandler = exceptionHandler;
        _maxBatchSize = maxBatchSize;
        _idleTicks = idleTicks;
        _onIdle = onIdle;
    }

    /// <inheritdoc />
    public Sequence Sequence { get; } = new();

    /// <inheritdoc />
    public ProcessorState State => (ProcessorState)Volatile.Read(ref _state);

    /// <summary>Events whose handler threw (each reached the exception policy).</summary>
    public long FaultCount => Volatile.Read(ref _faults);

    /// <summary>The handler, for reading its state after the processor has stopped.</summary>
    public ref THandler Handler => ref _handler;

    /// <inheritdoc />
    public void Run()
    {
        if (Interlocked.CompareExchange(ref _state, (int)ProcessorState.Running, (int)ProcessorState.Idle) != (int)ProcessorState.Idle)
        {
            ThrowHelper.ThrowInvalidOperation($"processor cannot run from state {State}");
        }

        long next = Sequence.Value + 1;
        while (true)
        {
            long available = _barrier.WaitFor(next, _maxBatchSize, _idleTicks);
            bool halting = _barrier.IsAlerted;
            if (halting)
            {
                // Everything published before the halt request is still processed.
                available = _barrier.AvailableNow(next);
            }
            else if (available < next)
            {
                _onIdle!();
                continue;
            }
            while (available >= next)
            {
                long batchEnd = Math.Min(available, next + _maxBatchSize - 1);
                if (!ProcessBatch(ref next, batchEnd))
                {
                    Volatile.Write(ref _state, (int)ProcessorState.Faulted);
                    return;
                }
                if (!halting)
                {
                    break;
                }
            }
            if (halting)
            {
                Volatile.Write(ref _state, (int)ProcessorState.Halted);
                return;
            }
        }
    }

    /// <summary>
    /// Processes, on the calling thread, up to <paramref name="limit"/> events already published, as
    /// one batch (the last one handled is its end), and returns how many it handled; it never waits.
    /// For a processor driven step by step (a backtest) instead of by <see cref="Run"/>: never both.
    /// </summary>
    /// <remarks>A handler fault goes to the exception policy as in <see cref="Run"/>; after a halt the processor is <see cref="ProcessorState.Faulted"/> and handles nothing more.</remarks>
    public int RunAvailable(int limit)
    {
        if (limit < 1 || State == ProcessorState.Faulted)
        {
            return 0;
        }
        long next = Sequence.Value + 1;
        long available = _barrier.AvailableNow(next, limit);
        if (available < next)
        {
            return 0;
        }
        long first = next;
        long batchEnd = Math.Min(available, next + limit - 1);
        if (!ProcessBatch(ref next, batchEnd))
        {
            Volatile.Write(ref _state, (int)ProcessorState.Faulted);
        }
        return (int)(batchEnd - first + 1);
    }

    /// <inheritdoc />
    public void Halt() => _barrier.Alert();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ProcessBatch(ref long next, long batchEnd)
    {
        long sequence = next;
        try
        {
            for (; sequence <= batchEnd; sequence++)
            {
                _handler.OnEvent(ref _ring[sequence], sequence, sequence == batchEnd);
            }
        }
        catch (Exception exception)
        {
            if (!ContinueAfterFault(exception, ref sequence, batchEnd))
            {
                return false;
            }
        }
        // Release store: the handlers' writes to the slots happen before later stages see them.
        Sequence.SetValue(batchEnd);
        next = batchEnd + 1;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ContinueAfterFault(Exception exception, ref long sequence, long batchEnd)
    {
        while (true)
        {
            Volatile.Write(ref _faults, _faults + 1);
            if (_exceptionHandler.OnEventException(exception, sequence) == FaultAction.Halt)
            {
                Sequence.SetValue(sequence - 1);
                return false;
            }
            try
            {
                for (sequence++; sequence <= batchEnd; sequence++)
                {
                    _handler.OnEvent(ref _ring[sequence], sequence, sequence == batchEnd);
                }
                return true;
            }
            catch (Exception next)
            {
                exception = next;
            }
        }
    }
}
