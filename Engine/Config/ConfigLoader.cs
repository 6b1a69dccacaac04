using System.Text.Json.Nodes;
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

    /// <summary>Loads and validates the file at <paramref name="path"/> alone: no overlay, no overrides.</summary>
    public static EngineOptions Load(string path) => Load(new ConfigSources(path, null, []));

    /// <summary>
    /// Builds the configuration from <paramref name="sources"/>: the base file, the environment's
    /// overlay merged over it, the override variables applied; then validates the result whole.
    /// A secret-looking key in any source is refused. Throws <see cref="ConfigException"/>.
    /// </summary>
    public static EngineOptions Load(ConfigSources sources)
    {
        var merged = ReadFile(sources.BasePath);
        if (sources.OverlayPath is { } overlayPath)
        {
            if (!File.Exists(overlayPath))
            {
                throw new ConfigException(overlayPath, [$"no overlay file for environment '{sources.Environment}' (expected beside {sources.BasePath})"]);
            }
            ConfigLayers.Merge(merged, ReadFile(overlayPath));
        }
        if (sources.Overrides.Count > 0)
        {
            var schema = JsonNode.Parse(DefaultsAsJson())!.AsObject();
            var problems = new List<string>();
            foreach (var (name, value) in sources.Overrides)
            {
                if (ConfigLayers.ApplyOverride(merged, schema, name, value) is { } problem)
                {
                    problems.Add(problem);
                }
            }
            if (problems.Count > 0)
            {
                throw new ConfigException("environment overrides", problems);
            }
        }
        return Parse(merged.ToJsonString(), sources.Describe());
    }

    /// <summary>Reads one file as a JSON object and refuses it when it holds a secret.</summary>
    private static JsonObject ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException(path, ["file not found"]);
        }
        var root = ConfigLayers.ParseObject(File.ReadAllText(path), path);
        var secrets = new List<string>();
        ConfigLayers.FindSecrets(root, "", secrets);
        return secrets.Count == 0 ? root : throw new ConfigException(path, secrets);
    }

    /// <summary>The built-in defaults, as JSON.</summary>
    public static string DefaultsAsJson() => JsonSerializer.Serialize(new EngineOptions(), EngineJsonContext.Default.EngineOptions);
}
