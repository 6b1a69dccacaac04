namespace Engine.Config;

/// <summary>The check every <c>cpuSet</c> list of the config shares (the loop's reports each entry's index instead).</summary>
internal static class CpuSetValidation
{
    /// <summary>Adds an error for each CPU of <paramref name="cpus"/> outside 0..1023, under <paramref name="key"/>.</summary>
    public static void Check(string key, IEnumerable<int> cpus, List<string> errors)
    {
        foreach (int cpu in cpus)
        {
            if (cpu is < 0 or > 1023)
            {
                errors.Add($"{key}: CPU {cpu} is outside 0..1023");
            }
        }
    }
}
