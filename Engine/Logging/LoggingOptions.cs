using Microsoft.Extensions.Logging;

namespace Engine.Logging;

/// <summary>The structured log (config section <c>logging</c>). <c>minimumLevel</c> and <c>levels</c> are reloaded on SIGHUP; the rest needs a restart.</summary>
public sealed record LoggingOptions
{
    /// <summary>One JSON object per line (default) or plain text.</summary>
    public LogFormat Format { get; set; } = LogFormat.Json;

    /// <summary>The level of every category that no entry of <see cref="Levels"/> matches.</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    /// <summary>Category prefix to level, for example <c>{"Engine.Venues": "Debug"}</c>; the longest matching prefix wins.</summary>
    public Dictionary<string, LogLevel> Levels { get; set; } = [];

    /// <summary>The log file and its rotation; no path writes to stdout.</summary>
    public LogFileOptions File { get; set; } = new();

    /// <summary>Slots of the ring between the threads that log and the log writer (a power of two); a full ring drops and counts events.</summary>
    public int QueueSlots { get; set; } = 8192;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Enum.IsDefined(Format))
        {
            errors.Add($"{path}.format: {(int)Format} is not Json or Text");
        }
        if (!Enum.IsDefined(MinimumLevel))
        {
            errors.Add($"{path}.minimumLevel: {(int)MinimumLevel} is not a level (Trace, Debug, Information, Warning, Error, Critical, None)");
        }
        foreach (var (prefix, level) in Levels)
        {
            if (string.IsNullOrWhiteSpace(prefix) || prefix.AsSpan().Trim().Length != prefix.Length)
            {
                errors.Add($"{path}.levels: '{prefix}' is not a category prefix (for example Engine.Venues); use minimumLevel for every category");
            }
            if (!Enum.IsDefined(level))
            {
                errors.Add($"{path}.levels.{prefix}: {(int)level} is not a level (Trace, Debug, Information, Warning, Error, Critical, None)");
            }
        }
        File.Validate($"{path}.file", errors);
        if (QueueSlots is < 64 or > 1 << 20 || !int.IsPow2(QueueSlots))
        {
            errors.Add($"{path}.queueSlots: {QueueSlots} is not a power of two in 64..1048576");
        }
    }
}
