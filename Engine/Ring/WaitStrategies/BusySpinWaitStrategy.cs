namespace Engine.Ring.WaitStrategies;

/// <summary>Re-reads the sequence in a tight loop. The lowest latency; one core at 100% while idle.</summary>
public sealed class BusySpinWaitStrategy : IWaitStrategy
{
    /// <inheritdoc />
    public bool IsBlocking => false;

    /// <inheritdoc />
    public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
    {
        long available;
        while ((available = Sequence.Minimum(dependents, long.MaxValue)) < sequence)
        {
            if (barrier.IsAlerted)
            {
                break;
            }
        }
        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
    }
}
