namespace Engine.Ring.WaitStrategies;

/// <summary>Spins a little, then gives the core away with Thread.Yield between checks.</summary>
public sealed class YieldingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;

    /// <inheritdoc />
    public bool IsBlocking => false;

    /// <inheritdoc />
    public long WaitFor(long sequence, SequenceBarrier barrier, long idleTicks)
    {
        var idle = new IdleTimer(idleTicks);
        int tries = 0;
        long available;
        while ((available = barrier.Probe(sequence)) < sequence && !barrier.IsAlerted)
        {
            if (++tries > SpinTries)
            {
                if (idle.Expired())
                {
                    break;
                }
                Thread.Yield();
            }
        }
        return available;
    }

    /// <inheritdoc />
    public void SignalAllWhenBlocking()
    {
    }
}
