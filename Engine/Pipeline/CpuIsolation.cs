namespace Engine.Pipeline;

/// <summary>
/// Keeps the loop's CPUs for the loop alone: before the loop starts, moves every other thread of the
/// process off them, so the threads started afterwards are born elsewhere too, and gives the threads
/// it moved their CPUs back when disposed. Without it the scheduler puts the engine's other threads
/// (a feed, the logger, the runtime's tier-up compiler and collector) on the loop's busy CPU, and the
/// loop waits for them.
/// </summary>
/// <remarks>
/// <para>A thread keeps its own CPUs minus the loop's; one bound to the loop's CPUs alone gets the
/// process's other CPUs. A thread the loop itself starts later inherits the loop's CPU, such as the
/// runtime's tier-up compiler when it starts again after idling just as a method the loop calls
/// reaches its call count. Sweeping again every second caught it, but the sweeps' own code and its
/// tier-up cost the other CPU more than they saved (PERFORMANCE.md, session 11).</para>
/// <para>Linux only; runs on the thread that starts the loop, never on the loop, and allocates there.
/// A thread that ends between being listed and being moved is skipped.</para>
/// </remarks>
internal sealed class CpuIsolation : IDisposable
{
    private readonly ulong[] _loopCpus;
    private readonly ulong[] _elsewhere;
    private readonly Dictionary<int, ulong[]> _moved = [];
    private int _disposed;

    private CpuIsolation(ulong[] loopCpus, ulong[] elsewhere)
    {
        _loopCpus = loopCpus;
        _elsewhere = elsewhere;
    }

    /// <summary>Threads moved off the loop's CPUs.</summary>
    public int Moved => _moved.Count;

    /// <summary>
    /// Moves every thread of the process now on <paramref name="loopCpus"/> off them; null, with the
    /// reason, when the process has no other CPU or is not on Linux.
    /// </summary>
    public static CpuIsolation? TryStart(IReadOnlyList<int> loopCpus, out string? reason)
    {
        var process = LinuxThreadTuning.Affinity(0);
        if (process is null)
        {
            reason = "CPU affinity is only available on Linux";
            return null;
        }
        var loop = LinuxThreadTuning.Mask(loopCpus);
        var elsewhere = Without(process, loop);
        if (IsEmpty(elsewhere))
        {
            reason = "the process has no CPU outside the loop's for its other threads";
            return null;
        }
        var isolation = new CpuIsolation(loop, elsewhere);
        isolation.MoveThreadsOff();
        reason = null;
        return isolation;
    }

    private void MoveThreadsOff()
    {
        foreach (int threadId in LinuxThreadTuning.ProcessThreadIds())
        {
            var mask = LinuxThreadTuning.Affinity(threadId);
            if (mask is null || !Overlaps(mask, _loopCpus))
            {
                continue;
            }
            var target = Without(mask, _loopCpus);
            if (LinuxThreadTuning.TrySetAffinity(threadId, IsEmpty(target) ? _elsewhere : target))
            {
                _moved.Add(threadId, mask);
            }
        }
    }

    /// <summary>Gives every thread moved, if it still runs, the CPUs it had. Once; later calls do nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        foreach (var (threadId, mask) in _moved)
        {
            _ = LinuxThreadTuning.TrySetAffinity(threadId, mask);
        }
    }

    private static ulong[] Without(ulong[] mask, ulong[] removed)
    {
        var result = new ulong[mask.Length];
        for (int i = 0; i < mask.Length; i++)
        {
            result[i] = mask[i] & ~removed[i];
        }
        return result;
    }

    private static bool Overlaps(ulong[] mask, ulong[] other)
    {
        for (int i = 0; i < mask.Length; i++)
        {
            if ((mask[i] & other[i]) != 0)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsEmpty(ulong[] mask) => Array.TrueForAll(mask, word => word == 0);
}
