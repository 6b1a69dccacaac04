using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Admin;
using Engine.Venues.Alpaca;

namespace Engine.Config;

/// <summary>
/// The JSON steps before deserialisation: overlay merging, environment-variable overrides and the
/// refusal of secrets. Start-up and reload only; never on the loop.
/// </summary>
internal static class ConfigLayers
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Key names (lower case, without '_', '-' and '.') that hold secrets, which never belong in a file.</summary>
    private static readonly HashSet<string> SecretKeys =
    [
        "apikey", "apikeyid", "apisecret", "apisecretkey", "secret", "secretkey", "clientsecret",
        "password", "passwd", "passphrase", "token", "accesstoken", "refreshtoken", "bearertoken",
        "authtoken", "keyid", "privatekey",
    ];

    private static readonly string SecretHint =
        $"secrets do not belong in configuration (value not shown); give them only through their own environment variables or systemd credentials (LoadCredential=): {AlpacaTradingOptions.KeyIdVariable} / {AlpacaTradingOptions.SecretKeyVariable}, {AdminOptions.TokenVariable}";

    /// <summary>Parses <paramref name="json"/> as a JSON object; throws <see cref="ConfigException"/> naming <paramref name="source"/>.</summary>
    public static JsonObject ParseObject(string json, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new ConfigException(source, [exception.Message]);
        }
        return node as JsonObject ?? throw new ConfigException(source, ["the file holds no configuration object"]);
    }

    /// <summary>True when <paramref name="key"/> is named like a secret.</summary>
    public static bool IsSecretKey(string key)
    {
        Span<char> normalised = stackalloc char[Math.Min(key.Length, 64)];
        int length = 0;
        foreach (char c in key)
        {
            if (c is '_' or '-' or '.')
            {
                continue;
            }
            if (length == normalised.Length)
            {
                return false; // longer than any secret name
            }
            normalised[length++] = char.ToLowerInvariant(c);
        }
        return SecretKeys.GetAlternateLookup<ReadOnlySpan<char>>().Contains(normalised[..length]);
    }

    /// <summary>Adds a problem for every secret-looking key in <paramref name="node"/>, named by its path under <paramref name="path"/>.</summary>
    public static void FindSecrets(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    string child = path.Length == 0 ? key : $"{path}.{key}";
                    if (IsSecretKey(key))
                    {
                        problems.Add($"{child}: {SecretHint}");
                    }
                    FindSecrets(value, child, problems);
                }
                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    FindSecrets(array[i], $"{path}[{i}]", problems);
                }
                break;
        }
    }

    /// <summary>Merges <paramref name="overlay"/> into <paramref name="target"/>: objects key by key, arrays and values replaced.</summary>
    public static void Merge(JsonObject target, JsonObject overlay)
    {
        foreach (var (key, value) in overlay)
        {
            if (value is JsonObject section && target[key] is JsonObject existing)
            {
                Merge(existing, section);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>
    /// Sets the value of override variable <paramref name="name"/> (<c>ENGINE__ring__slots</c>) in
    /// <paramref name="root"/>. Keys match case-insensitively against the document, then against
    /// <paramref name="schema"/> (the full defaults) for keys the files leave out; a map (a section whose
    /// default is an empty object, like <c>logging.levels</c>) takes new keys as given. The value is
    /// taken as JSON when it parses, else as a string. Returns the problem, or null when applied.
    /// </summary>
    public static string? ApplyOverride(JsonObject root, JsonObject schema, string name, string value)
    {
        string[] keys = name[ConfigSources.OverridePrefix.Length..].Split("__");
        JsonObject current = root;
        JsonObject? shape = schema;
        string path = "";
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i].Length == 0)
            {
                return $"{name}: empty key in the variable name (use __ between keys)";
            }
            if (IsSecretKey(keys[i]))
            {
                return $"{name} ({(path.Length == 0 ? keys[i] : $"{path}.{keys[i]}")}): {SecretHint}";
            }
            string? key = FindKey(current, keys[i]) ?? (shape is null ? null : FindKey(shape, keys[i]))
                ?? (i == keys.Length - 1 && shape is { Count: 0 } ? keys[i] : null);
            path = path.Length == 0 ? key ?? keys[i] : $"{path}.{key ?? keys[i]}";
            if (key is null)
            {
                return $"{name}: there is no key '{path}' in the configuration";
            }
            var shapeChild = shape?[key] as JsonObject;
            if (i == keys.Length - 1)
            {
                var parsed = ParseValue(value);
                var secrets = new List<string>();
                FindSecrets(parsed, path, secrets);
                if (secrets.Count > 0)
                {
                    return $"{name} ({secrets[0]})";
                }
                current[key] = parsed;
                return null;
            }
            switch (current[key])
            {
                case JsonObject child:
                    current = child;
                    break;
                case null when shapeChild is not null:
                    var created = (JsonObject)shapeChild.DeepClone();
                    current[key] = created;
                    current = created;
                    break;
                default:
                    return $"{name}: '{path}' is a value or a list, not a section; override it whole";
            }
            shape = shapeChild;
        }
        return null;
    }

    private static JsonNode? ParseValue(string value)
    {
        try
        {
            return JsonNode.Parse(value, documentOptions: DocumentOptions);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }

    private static string? FindKey(JsonObject obj, string key)
    {
        foreach (var (name, _) in obj)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }
        return null;
    }
}
