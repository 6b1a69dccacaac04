namespace Engine.Pipeline;

/// <summary>How the business-logic thread is started: name, CPU set, priority.</summary>
public sealed record LoopThreadOptions
{
    /// <summary>Thread name, shown by top -H and in dumps.</summary>
    public string Name { get; set; } = "engine-loop";

    /// <summary>CPUs the thread is bound to (sched_setaffinity). Empty: not pinned.</summary>
    public IReadOnlyList<int> CpuSet { get; set; } = [];

    /// <summary>
    /// With a <see cref="CpuSet"/>: the loop's CPUs are the loop's alone. The process's other threads
    /// are moved off them before the loop starts, and get them back when it stops (<see cref="CpuIsolation"/>).
    /// Off by default: on two CPUs the threads moved then delay the feed instead (docs/CONFIG.md).
    /// </summary>
    public bool Exclusive { get; set; }

    /// <summary>Linux nice value for the thread, -20 (highest) to 19. Values below 0 need CAP_SYS_NICE.</summary>
    public int Nice { get; set; } = -10;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 15)
        {
            errors.Add($"{path}.name: '{Name}' must be 1..15 characters (the Linux thread-name limit)");
        }
        for (int i = 0; i < CpuSet.Count; i++)
        {
            if (CpuSet[i] < 0 || CpuSet[i] > 1023)
            {
                errors.Add($"{path}.cpuSet[{i}]: {CpuSet[i]} is outside 0..1023");
            }
        }
        if (Nice is < -20 or > 19)
        {
            errors.Add($"{path}.nice: {Nice} is outside -20..19");
        }
    }
}
