using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Config;
using Engine.Tests.Support;

namespace Engine.Tests.Config;

/// <summary>
/// docs/CONFIG.md documents every key of the configuration: each key path of the defaults has its row,
/// or falls under a row for a whole section (<c>`feeds.kraken.transport.*`</c>, "as ..."). The TWAP
/// strategy's parent (<c>strategy.twap</c>) shares its rows with the operator's TWAP request (<c>twap.…</c>).
/// </summary>
public sealed class ConfigDocsTests
{
    [Test]
    public void EveryKeyOfTheDefaults_IsDocumentedInConfigMd()
    {
        string json = JsonSerializer.Serialize(new EngineOptions(), EngineJsonContext.Default.EngineOptions);
        var keys = new List<string>();
        KeyPaths(JsonNode.Parse(json)!, "", keys);
        string doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "docs", "CONFIG.md"));

        var missing = keys.Where(k => !Documented(doc, k)).ToList();

        Assert.That(keys, Has.Count.GreaterThan(100), "the walk found the configuration's keys");
        Assert.That(missing, Is.Empty, $"keys with no row in docs/CONFIG.md: {string.Join(", ", missing)}");
    }

    private static bool Documented(string doc, string key)
    {
        if (HasRow(doc, key) || (key.StartsWith(TwapPrefix, StringComparison.Ordinal) && HasRow(doc, key[StrategyPrefix.Length..])))
        {
            return true;
        }
        for (int dot = key.LastIndexOf('.'); dot > 0; dot = key.LastIndexOf('.', dot - 1))
        {
            if (HasRow(doc, $"{key[..dot]}.*"))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a table row of <paramref name="doc"/> starts with <paramref name="key"/>.</summary>
    private static bool HasRow(string doc, string key) => doc.Contains($"\n| `{key}` |", StringComparison.Ordinal);

    private const string StrategyPrefix = "strategy.";
    private const string TwapPrefix = "strategy.twap.";

    /// <summary>The key paths of <paramref name="node"/>'s leaves: values, arrays and empty objects (maps) are leaves.</summary>
    private static void KeyPaths(JsonNode node, string path, List<string> keys)
    {
        if (node is JsonObject obj && obj.Count > 0)
        {
            foreach (var (name, child) in obj)
            {
                KeyPaths(child!, path.Length == 0 ? name : $"{path}.{name}", keys);
            }
            return;
        }
        keys.Add(path);
    }
}
