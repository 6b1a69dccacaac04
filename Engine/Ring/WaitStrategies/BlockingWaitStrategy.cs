namespace Engine.Ring.WaitStrategies;

/// <summary>
/// Consumers sleep on a monitor until a producer publishes. No CPU while idle; waking costs
/// microseconds. Publishers take the lock only when a consumer is actually asleep.
/// </summary>
/// <remarks>
/// The waiter sets <c>_sleeperWaiting</c> and then re-checks whether its slot is published; the
/// publisher publishes (cursor or slot flag) and then reads <c>_sleeperWaiting</c>. Full fences on both
/// sides make sure one of them sees the other (Dekker): either the waiter sees the publish, or the
/// publisher sees the waiter and pulses.
/// </remarks>
public sealed class BlockingWaitStrategy : IWaitStrategy
{
    private readonly object _gate = new();
    private int _sleeperWaiting;

    /// <inheritdoc />
    public bool IsBlocking => true;

    /// <inheritdoc />
    public long WaitFor(long sequence, SequenceBarrier barrier, long idleTicks)
    {
        if (!barrier.IsPublished(sequence) && !SleepUntilPublished(sequence, barrier, idleTicks))
        {
            return barrier.Probe(sequence); // idle for the timeout
        }

        // Published; upstream consumers are at most a batch behind, so spin politely.
        var spin = new SpinWait();
        long available;
        while ((available = barrier.Probe(sequence)) < sequence && !barrier.IsAlerted)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
        // Orders the caller's publish (or alert) store before the flag load below.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleeperWaiting) != 0)
        {
            lock (_gate)
            {
                _sleeperWaiting = 0;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Sleeps until <paramref name="sequence"/> is published or the barrier alerted (true), or until idle for <paramref name="idleTicks"/> (false).</summary>
    private bool SleepUntilPublished(long sequence, SequenceBarrier barrier, long idleTicks)
    {
        var idle = new IdleTimer(idleTicks);
        lock (_gate)
        {
            while (true)
            {
                // Orders the flag store before the published and alert loads below.
                Interlocked.Exchange(ref _sleeperWaiting, 1);
                if (barrier.IsPublished(sequence) || barrier.IsAlerted)
                {
                    return true;
                }
                if (!Monitor.Wait(_gate, idle.Remaining()) && idle.Expired())
                {
                    return false;
                }
            }
        }
    }
}
