using System.Collections;

namespace Engine.Config;

/// <summary>
/// What a configuration is built from, in order: the base file, the overlay of the chosen
/// environment beside it (<c>engine.production.json</c> for <c>engine.json</c>), then the
/// <c>ENGINE__section__key</c> environment variables.
/// </summary>
/// <param name="BasePath">The base file.</param>
/// <param name="Environment">The environment name (lower case), or null for the base file alone.</param>
/// <param name="Overrides">The override variables (name, value), in the order they are applied.</param>
public sealed record ConfigSources(string BasePath, string? Environment, IReadOnlyList<KeyValuePair<string, string>> Overrides)
{
    /// <summary>The variable that names the environment when <c>--env</c> is not given.</summary>
    public const string EnvironmentVariable = "ENGINE_ENV";

    /// <summary>The prefix of override variables; <c>__</c> separates the keys of the path.</summary>
    public const string OverridePrefix = "ENGINE__";

    /// <summary>The environments that have an overlay.</summary>
    public static readonly IReadOnlyList<string> Environments = ["staging", "production"];

    /// <summary>The overlay file of <see cref="Environment"/>, or null without one.</summary>
    public string? OverlayPath => Environment is null
        ? null
        : Path.Combine(Path.GetDirectoryName(BasePath) ?? "", $"{Path.GetFileNameWithoutExtension(BasePath)}.{Environment}{Path.GetExtension(BasePath)}");

    /// <summary>
    /// The sources for <paramref name="basePath"/>: the environment from <paramref name="environmentFlag"/>,
    /// else from <see cref="EnvironmentVariable"/>; the overrides from <paramref name="variables"/>.
    /// Throws <see cref="ConfigException"/> for an unknown environment name.
    /// </summary>
    public static ConfigSources Resolve(string basePath, string? environmentFlag, IDictionary variables)
    {
        string? fromVariable = variables[EnvironmentVariable] as string;
        string origin = environmentFlag is null ? EnvironmentVariable : "--env";
        string? name = environmentFlag ?? (string.IsNullOrWhiteSpace(fromVariable) ? null : fromVariable.Trim());
        if (name is not null && !Environments.Contains(name.ToLowerInvariant()))
        {
            throw new ConfigException(origin, [$"unknown environment '{name}'; known: {string.Join(", ", Environments)}"]);
        }
        var overrides = new List<KeyValuePair<string, string>>();
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string key && key.StartsWith(OverridePrefix, StringComparison.Ordinal))
            {
                overrides.Add(new(key, entry.Value as string ?? ""));
            }
        }
        overrides.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new ConfigSources(basePath, name?.ToLowerInvariant(), overrides);
    }

    /// <summary>The sources for messages: the files and the override variables' names, never their values.</summary>
    public string Describe()
    {
        string text = OverlayPath is null ? BasePath : $"{BasePath} + {OverlayPath}";
        return Overrides.Count == 0 ? text : $"{text} + {string.Join(", ", Overrides.Select(o => o.Key))}";
    }
}
