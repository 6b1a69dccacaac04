namespace Engine.Pipeline;

/// <summary>
/// Keeps the loop's CPUs for the loop alone: moves every other thread of the process off them when
/// it starts, again every <see cref="Period"/>, and gives the threads it moved their CPUs back when
/// disposed. Without it the scheduler puts the engine's other threads (a feed, the logger, the
/// runtime's tier-up compiler and collector) on the loop's busy CPU, and the loop waits for them.
/// </summary>
/// <remarks>
/// <para>The repeats are for threads the loop itself starts: a new thread inherits its creator's
/// CPUs, and the runtime starts its tier-up compiler from whichever thread first has a method to
/// compile, the loop included. Such a thread, bound to the loop's CPUs only, goes to the process's
/// other CPUs; any other thread keeps its own CPUs minus the loop's.</para>
/// <para>Linux only. The sweeps run on a timer's thread, never on the loop; they allocate, which
/// is allowed there. A thread that ends between being listed and being moved is skipped.</para>
/// </remarks>
internal sealed class CpuIsolation : IDisposable
{
    /// <summary>How often the process's threads are looked at again.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    private readonly ulong[] _loopCpus;
    private readonly ulong[] _elsewhere;
    private readonly Dictionary<int, ulong[]> _moved = [];
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private int _exemptThreadId;
    private bool _disposed;

    private CpuIsolation(ulong[] loopCpus, ulong[] elsewhere)
    {
        _loopCpus = loopCpus;
        _elsewhere = elsewhere;
        _timer = new Timer(_ => Sweep(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Threads moved off the loop's CPUs so far.</summary>
    public int Moved
    {
        get
        {
            lock (_gate)
            {
                return _moved.Count;
            }
        }
    }

    /// <summary>
    /// Moves every thread of the process now on <paramref name="loopCpus"/> off them, and keeps doing
    /// so; null, with the reason, when the process has no other CPU or is not on Linux.
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
        isolation.Sweep();
        isolation._timer.Change(Period, Period);
        reason = null;
        return isolation;
    }

    /// <summary>The thread a sweep leaves where it is: the loop's own, set before it binds itself to its CPUs.</summary>
    public void Exempt(int threadId) => Volatile.Write(ref _exemptThreadId, threadId);

    /// <summary>Moves the threads now on the loop's CPUs (but the exempt one) off them.</summary>
    internal void Sweep()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            int exempt = Volatile.Read(ref _exemptThreadId);
            foreach (int threadId in LinuxThreadTuning.ProcessThreadIds())
            {
                var mask = threadId == exempt ? null : LinuxThreadTuning.Affinity(threadId);
                if (mask is null || !Overlaps(mask, _loopCpus))
                {
                    continue;
                }
                var target = Without(mask, _loopCpus);
                if (LinuxThreadTuning.TrySetAffinity(threadId, IsEmpty(target) ? _elsewhere : target))
                {
                    _moved.TryAdd(threadId, mask);
                }
            }
        }
    }

    /// <summary>Stops the sweeps and gives every thread moved, if it still runs, the CPUs it had.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _timer.Dispose();
            foreach (var (threadId, mask) in _moved)
            {
                _ = LinuxThreadTuning.TrySetAffinity(threadId, mask);
            }
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
