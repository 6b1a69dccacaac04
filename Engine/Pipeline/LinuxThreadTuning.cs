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

    /// <summary>Binds the calling thread to <paramref name="cpus"/>. Returns null, or why it failed.</summary>
    public static string? TryPinCurrentThread(IReadOnlyList<int> cpus)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "CPU pinning is only supported on Linux";
        }
        var mask = new ulong[CpuSetWords];
        foreach (int cpu in cpus)
        {
            if (cpu < 0 || cpu >= CpuSetWords * 64)
            {
                return $"CPU {cpu} is outside 0..{(CpuSetWords * 64) - 1}";
            }
            mask[cpu / 64] |= 1UL << (cpu % 64);
        }
        return SchedSetAffinity(0, (nuint)(CpuSetWords * sizeof(ulong)), mask) == 0
            ? null
            : $"sched_setaffinity failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
    }

    /// <summary>The CPUs the calling thread may run on, or an empty list where that cannot be read.</summary>
    public static IReadOnlyList<int> CurrentThreadAffinity()
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }
        var mask = new ulong[CpuSetWords];
        if (SchedGetAffinity(0, (nuint)(CpuSetWords * sizeof(ulong)), mask) != 0)
        {
            return [];
        }
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
