namespace Engine.Ring;

/// <summary>How a consumer waits for a sequence: trades CPU for latency.</summary>
/// <remarks>
/// <see cref="WaitFor"/> runs on the consumer's thread; <see cref="SignalAllWhenBlocking"/> on
/// producers' threads (only when <see cref="IsBlocking"/>) and on whoever alerts a barrier.
/// </remarks>
public interface IWaitStrategy
{
    /// <summary>Whether consumers may sleep on a lock, so publishers must call <see cref="SignalAllWhenBlocking"/>.</summary>
    bool IsBlocking { get; }

    /// <summary>
    /// Waits until <see cref="SequenceBarrier.Probe"/> of <paramref name="barrier"/> reaches
    /// <paramref name="sequence"/> and returns what it last returned; returns early, possibly below
    /// <paramref name="sequence"/>, when <paramref name="barrier"/> is alerted or, with
    /// <paramref name="idleTicks"/> above 0, when nothing has come for about that long (Stopwatch ticks,
    /// counted from the first microseconds of the wait).
    /// </summary>
    long WaitFor(long sequence, SequenceBarrier barrier, long idleTicks);

    /// <summary>Wakes consumers blocked in <see cref="WaitFor"/>.</summary>
    void SignalAllWhenBlocking();
}
