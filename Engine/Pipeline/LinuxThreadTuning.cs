using System.Runtime.InteropServices;

namespace Engine.Pipeline;

/// <summary>
/// Binds the calling thread to a CPU set and sets its nice value, through libc. Linux only; every
/// call reports failure as a value, never throws.
/// </summary>
internal static partial class LinuxThreadTuning
{
    private const int CpuSetWords = 16; // 1024 CPUs, the size of glibc's cpu_set_t
    private const int PrioProcess = 0;
    private const nuint MaskBytes = CpuSetWords * sizeof(ulong);

    /// <summary>Binds the calling thread to <paramref name="cpus"/>. Returns null, or why it failed.</summary>
    public static string? TryPinCurrentThread(IReadOnlyList<int> cpus)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "CPU pinning is only supported on Linux";
        }
        foreach (int cpu in cpus)
        {
            if (cpu < 0 || cpu >= CpuSetWords * 64)
            {
                return $"CPU {cpu} is outside 0..{(CpuSetWords * 64) - 1}";
            }
        }
        return SchedSetAffinity(0, MaskBytes, Mask(cpus)) == 0
            ? null
            : $"sched_setaffinity failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
    }

    /// <summary>The affinity mask (a cpu_set_t as words) of <paramref name="cpus"/>, each in 0..1023.</summary>
    public static ulong[] Mask(IEnumerable<int> cpus)
    {
        var mask = new ulong[CpuSetWords];
        foreach (int cpu in cpus)
        {
            mask[cpu / 64] |= 1UL << (cpu % 64);
        }
        return mask;
    }

    /// <summary>The affinity mask of thread <paramref name="threadId"/> (0: the calling thread), or null where it cannot be read (not Linux, or the thread has ended).</summary>
    public static ulong[]? Affinity(int threadId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var mask = new ulong[CpuSetWords];
        return SchedGetAffinity(threadId, MaskBytes, mask) == 0 ? mask : null;
    }

    /// <summary>Binds thread <paramref name="threadId"/> to <paramref name="mask"/>; whether it could (not when it has ended).</summary>
    public static bool TrySetAffinity(int threadId, ulong[] mask) =>
        OperatingSystem.IsLinux() && SchedSetAffinity(threadId, MaskBytes, mask) == 0;

    /// <summary>The ids of the process's threads now, from /proc/self/task; empty where that cannot be read.</summary>
    public static IReadOnlyList<int> ProcessThreadIds()
    {
        var ids = new List<int>();
        try
        {
            foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                if (int.TryParse(Path.GetFileName(task), out int id))
                {
                    ids.Add(id);
                }
            }
        }
        catch (IOException)
        {
            // No /proc: nothing to list.
        }
        return ids;
    }

    /// <summary>The CPUs the calling thread may run on, or an empty list where that cannot be read.</summary>
    public static IReadOnlyList<int> CurrentThreadAffinity() => Affinity(0) is { } mask ? Cpus(mask) : [];

    /// <summary>The CPUs an affinity mask (<see cref="Affinity"/>) holds, in order.</summary>
    public static IReadOnlyList<int> Cpus(ulong[] mask)
    {
        var cpus = new List<int>();
        for (int cpu = 0; cpu < CpuSetWords * 64; cpu++)
        {
            if ((mask[cpu / 64] & (1UL << (cpu % 64))) != 0)
            {
                cpus.Add(cpu);
            }
        }
        return cpus;
    }

    /// <summary>Sets the nice value (-20..19) of the calling thread. Returns null, or why it failed.</summary>
    public static string? TrySetCurrentThreadNice(int nice)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "thread nice values are only supported on Linux";
        }
        // On Linux, PRIO_PROCESS with a thread id changes that one thread.
        return SetPriority(PrioProcess, GetTid(), nice) == 0
            ? null
            : $"setpriority({nice}) failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())} (needs CAP_SYS_NICE for values below 0)";
    }

    // DllImport rather than LibraryImport: the generated marshalling code needs AllowUnsafeBlocks,
    // which this project keeps off. Blittable arguments only, so nothing is marshalled by copy.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static extern int SchedSetAffinity(int pid, nuint cpuSetSize, ulong[] mask);

    [DllImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    private static extern int SchedGetAffinity(int pid, nuint cpuSetSize, [Out] ulong[] mask);

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetTid();
#pragma warning restore SYSLIB1054
}
