using Engine.Admin;
using Engine.Pipeline;

namespace Engine.Orders.Twap;

/// <summary>
/// Runs a <see cref="TwapExecutor"/> in the chain: between the risk stage and the router stage, so
/// the children it submits for an event are sent by the router in the same event and the order
/// table it reads back is the router's as of the previous event.
/// </summary>
/// <remarks>
/// <para>Loop thread only; allocates nothing. While a parent is active it reads the clock once per
/// event (the executor needs the time to see a slice fall due) and publishes <see cref="Snapshot"/>
/// at each end of batch. While none is, a market-data event costs one branch; commands and
/// execution reports still go through (a fill that raced the last child's end still counts).
/// Slices fall due only when an event comes: the synthetic feed brings plenty; a host with a quiet
/// feed sends a heartbeat command at least once per slice interval.</para>
/// <para>In the host, parents come from the admin endpoint: <see cref="ControlCommand.StartTwap"/>
/// takes a parent built off the loop from the <see cref="Mailbox{T}"/> and starts it (one at a
/// time), <see cref="ControlCommand.CancelTwap"/> cancels it; both answer into the <see cref="AdminMailbox"/>.</para>
/// </remarks>
public sealed class TwapStage
{
    private readonly IClock _clock;
    private readonly ClientOrderIds? _ids;
    private readonly Mailbox<TwapParent>? _mailbox;
    private readonly AdminMailbox? _admin;
    private bool _idle;

    /// <summary>A stage driving <paramref name="executor"/> (started by its owner) at the times <paramref name="clock"/> gives.</summary>
    public TwapStage(TwapExecutor executor, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(clock);
        Executor = executor;
        _clock = clock;
        Snapshot = new TwapSnapshot(executor.Slices);
        _idle = true;
    }

    /// <summary>
    /// A stage with no parent yet, taking parents from <paramref name="mailbox"/> on
    /// <see cref="ControlCommand.StartTwap"/>, naming them with <paramref name="ids"/> (the router's)
    /// and answering into <paramref name="admin"/>.
    /// </summary>
    public TwapStage(IClock clock, ClientOrderIds ids, Mailbox<TwapParent> mailbox, AdminMailbox admin)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(admin);
        _clock = clock;
        _ids = ids;
        _mailbox = mailbox;
        _admin = admin;
        _idle = true;
    }

    /// <summary>The executor of the last parent (null before the first): start and cancel parents through it, on the loop thread.</summary>
    public TwapExecutor? Executor { get; private set; }

    /// <summary>The last parent and its children as of the last publish, for any thread (null before the first parent).</summary>
    public TwapSnapshot? Snapshot { get; private set; }

    /// <summary>Handles one inbound event after the risk stage and before the router. Loop thread only.</summary>
    public void OnEvent(ref InboundEvent e, bool endOfBatch)
    {
        // Non-short-circuit: one branch for the idle stage's market data, the bulk of the traffic.
        if ((e.Kind == InboundKind.MarketData) & _idle)
        {
            return;
        }
        Run(ref e, endOfBatch);
    }

    private void Run(ref InboundEvent e, bool endOfBatch)
    {
        if (e.Kind == InboundKind.Command && _admin is not null && OnCommand(ref e))
        {
            return;
        }
        var executor = Executor;
        if (executor is null)
        {
            return;
        }
        executor.OnTick(_clock.UtcNowNs());
        if (e.Kind == InboundKind.Execution)
        {
            executor.OnExecution(in e.Execution);
        }
        _idle = !executor.IsActive;
        if (endOfBatch || _idle)
        {
            Snapshot!.Publish(executor);
        }
    }

    /// <summary>Handles a TWAP command; true when it already ticked the parent it started (a second tick in the same event would not yet find its first child in the order table).</summary>
    private bool OnCommand(ref InboundEvent e)
    {
        switch (e.Command)
        {
            case ControlCommand.StartTwap:
                return StartPosted(e.RequestId);
            case ControlCommand.CancelTwap:
                var executor = Executor;
                bool cancelled = executor is not null && executor.Cancel(_clock.UtcNowNs());
                if (cancelled)
                {
                    Snapshot!.Publish(executor!);
                }
                _admin!.Answer(e.RequestId, default, executor?.ParentId ?? 0, cancelled);
                break;
        }
        return false;
    }

    /// <summary>Starts the posted parent unless one is active; answers found = started, with the parent id (the active one's when refused).</summary>
    private bool StartPosted(long requestId)
    {
        var posted = _mailbox!.Take();
        if (Executor is { IsActive: true } || posted is null)
        {
            _admin!.Answer(requestId, default, Executor?.ParentId ?? 0, found: false);
            return false;
        }
        long now = _clock.UtcNowNs();
        long parentId = _ids!.Next();
        posted.Executor.Start(parentId, now);
        // The first slice goes out in this event when it is due now; the snapshot shows it before the answer.
        posted.Executor.OnTick(now);
        posted.Snapshot.Publish(posted.Executor);
        Snapshot = posted.Snapshot;
        Executor = posted.Executor;
        _idle = !posted.Executor.IsActive;
        _admin!.Answer(requestId, default, parentId, found: true);
        return true;
    }
}
