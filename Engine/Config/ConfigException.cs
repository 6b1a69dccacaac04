namespace Engine.Config;

/// <summary>The configuration cannot be used; <see cref="Problems"/> lists every reason.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    public ConfigException(string source, IReadOnlyList<string> problems)
        : base($"{source}: {problems.Count} configuration problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    /// <summary>Each problem, with its key path.</summary>
    public IReadOnlyList<string> Problems { get; }
}
