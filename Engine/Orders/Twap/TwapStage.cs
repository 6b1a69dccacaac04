using Engine.Pipeline;

namespace Engine.Orders.Twap;

/// <summary>
/// Runs a <see cref="TwapExecutor"/> in the chain: between the risk stage and the router stage, so
/// the children it submits for an event are sent by the router in the same event and the order
/// table it reads back is the router's as of the previous event.
/// </summary>
/// <remarks>
/// Loop thread only; allocates nothing. It reads the clock once per event (the executor needs the
/// time to see a slice fall due) and publishes <see cref="Snapshot"/> at each end of batch. Slices
/// fall due only when an event comes: a host with a quiet feed sends a heartbeat command at least
/// once per slice interval. Not wired into <see cref="HandlerChain"/> yet: the host inserts it
/// after risk and before the router.
/// </remarks>
public sealed class TwapStage
{
    private readonly IClock _clock;

    /// <summary>A stage driving <paramref name="executor"/> at the times <paramref name="clock"/> gives.</summary>
    public TwapStage(TwapExecutor executor, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(clock);
        Executor = executor;
        _clock = clock;
        Snapshot = new TwapSnapshot(executor.Slices);
    }

    /// <summary>The executor: start and cancel parents through it, on the loop thread.</summary>
    public TwapExecutor Executor { get; }

    /// <summary>The parent and its children as of the last end of batch, for any thread.</summary>
    public TwapSnapshot Snapshot { get; }

    /// <summary>Handles one inbound event after the risk stage and before the router. Loop thread only.</summary>
    public void OnEvent(ref InboundEvent e, long sequence, bool endOfBatch)
    {
        Executor.OnTick(_clock.UtcNowNs());
        if (e.Kind == InboundKind.Execution)
        {
            Executor.OnExecution(in e.Execution);
        }
        if (endOfBatch)
        {
            Snapshot.Publish(Executor);
        }
    }
}
