using System.Text.Json.Serialization;

namespace Engine.Config;

/// <summary>Source-generated JSON (de)serialisation of the configuration: no reflection at start-up.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(EngineOptions))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
