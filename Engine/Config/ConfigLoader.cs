using System.Text.Json;

namespace Engine.Config;

/// <summary>Reads and validates the configuration file; the engine starts only on a clean result.</summary>
public static class ConfigLoader
{
    /// <summary>Parses and validates <paramref name="json"/>; throws <see cref="ConfigException"/> listing every problem.</summary>
    public static EngineOptions Parse(string json, string source)
    {
        EngineOptions? options;
        try
        {
            options = JsonSerializer.Deserialize(json, EngineJsonContext.Default.EngineOptions);
        }
        catch (JsonException exception)
        {
            // The message names the key path ($.ring.slots) and, for unknown keys, the key itself.
            throw new ConfigException(source, [exception.Message]);
        }
        if (options is null)
        {
            throw new ConfigException(source, ["the file holds no configuration object"]);
        }
        var problems = options.Validate();
        return problems.Count == 0 ? options : throw new ConfigException(source, problems);
    }

    /// <summary>Loads and validates the file at <paramref name="path"/>.</summary>
    public static EngineOptions Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException(path, ["file not found"]);
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>The built-in defaults, as JSON.</summary>
    public static string DefaultsAsJson() => JsonSerializer.Serialize(new EngineOptions(), EngineJsonContext.Default.EngineOptions);
}
