using System.Text.Json.Serialization;

namespace Engine.Venues.Alpaca;

/// <summary>Source-generated JSON of the Trading API: snake_case names, null fields left out, unknown fields ignored (Alpaca adds fields).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlpacaOrderRequest))]
[JsonSerializable(typeof(AlpacaOrder))]
[JsonSerializable(typeof(List<AlpacaOrder>))]
[JsonSerializable(typeof(List<AlpacaPosition>))]
[JsonSerializable(typeof(AlpacaAccount))]
[JsonSerializable(typeof(AlpacaErrorBody))]
internal sealed partial class AlpacaJsonContext : JsonSerializerContext;
