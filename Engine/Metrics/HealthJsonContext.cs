using System.Text.Json.Serialization;

namespace Engine.Metrics;

/// <summary>The health answers' JSON, source-generated, camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
