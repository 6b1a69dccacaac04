namespace Engine.Ring.WaitStrategies;

/// <summary>
/// Spins, then yields, then sleeps between checks. Little CPU when the ring is quiet; a wake-up can
/// take a millisecond (the shortest Thread.Sleep on Linux), so use it for back-office consumers.
/// </summary>
public sealed class SleepingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;
    private const int YieldTries = 200;

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
            tries++;
            if (tries > SpinTries && idle.Expired())
            {
                break;
            }
            if (tries > YieldTries)
            {
                Thread.Sleep(1);
            }
            else if (tries > SpinTries)
            {
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
