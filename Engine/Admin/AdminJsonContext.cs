using System.Text.Json.Serialization;

namespace Engine.Admin;

/// <summary>The admin endpoint's JSON, source-generated: camelCase, unknown fields refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ManualOrder))]
[JsonSerializable(typeof(AdminAnswer))]
[JsonSerializable(typeof(List<AdminOrderView>))]
[JsonSerializable(typeof(TwapRequest))]
[JsonSerializable(typeof(TwapView))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
