namespace Engine.Logging;

/// <summary>Where the log goes and how it rotates (config section <c>logging.file</c>).</summary>
public sealed record LogFileOptions
{
    /// <summary>The log file; empty writes to stdout (systemd's journal when run as a service).</summary>
    public string Path { get; set; } = "";

    /// <summary>Size at which the file is rotated: <c>engine.log</c> becomes <c>engine.log.1</c>, the older ones move up by one.</summary>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>How many rotated files (<c>engine.log.1</c> .. <c>engine.log.N</c>) are kept beside the live one; the oldest is deleted.</summary>
    public int MaxFiles { get; set; } = 10;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (MaxBytes is < 1024 or > 1L << 40)
        {
            errors.Add($"{path}.maxBytes: {MaxBytes} is outside 1024..1099511627776 (bytes per file before it rotates)");
        }
        if (MaxFiles is < 1 or > 1000)
        {
            errors.Add($"{path}.maxFiles: {MaxFiles} is outside 1..1000 (rotated files kept)");
        }
        if (Path.Length > 0 && (Path.AsSpan().Trim().Length != Path.Length || Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0 || Path.EndsWith('/')))
        {
            errors.Add($"{path}.path: '{Path}' is not a file path (empty writes to stdout)");
        }
    }
}
