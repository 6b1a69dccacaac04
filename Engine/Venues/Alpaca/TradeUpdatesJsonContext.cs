using System.Text.Json.Serialization;

namespace Engine.Venues.Alpaca;

/// <summary>Source-generated reading of trade_updates messages (snake_case, unknown fields ignored): no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TradeUpdatesMessage))]
internal sealed partial class TradeUpdatesJsonContext : JsonSerializerContext;
