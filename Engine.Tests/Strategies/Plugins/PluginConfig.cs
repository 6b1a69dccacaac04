using System.Text.Json;

namespace Engine.Tests.Strategies.Plugins;

/// <summary>The configuration's <c>strategy</c> section that runs a plugin of this test assembly, as a user's file would hold it.</summary>
internal static class PluginConfig
{
    /// <summary>
    /// <c>{ "name": "Plugin", "plugin": { ... } }</c> naming this assembly, <paramref name="type"/>
    /// (default <see cref="MidMomentumPlugin"/>) and <paramref name="parameters"/> (a JSON object).
    /// </summary>
    public static string StrategySection(string parameters, string? type = null) => $$"""
        {
          "name": "Plugin",
          "plugin": {
            "assembly": {{JsonSerializer.Serialize(typeof(MidMomentumPlugin).Assembly.Location)}},
            "type": "{{type ?? typeof(MidMomentumPlugin).FullName}}",
            "parameters": {{parameters}}
          }
        }
        """;
}
