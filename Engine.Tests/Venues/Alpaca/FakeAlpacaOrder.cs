using System.Text.Json;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>An order held by the fake, with Alpaca's fields as strings; changed under the server's lock only.</summary>
internal sealed class FakeAlpacaOrder
{
    public required string Id { get; init; }

    public required string ClientOrderId { get; init; }

    public required string Symbol { get; init; }

    public required string Qty { get; init; }

    public required string Side { get; init; }

    public required string Type { get; init; }

    public required string TimeInForce { get; init; }

    public string? LimitPrice { get; init; }

    public string? StopPrice { get; init; }

    public string? TrailPrice { get; init; }

    public string? TrailPercent { get; init; }

    public bool ExtendedHours { get; init; }

    public string Status { get; set; } = "new";

    public string FilledQty { get; set; } = "0";

    public string? FilledAvgPrice { get; set; }

    /// <summary>Whether the order can still be canceled (Alpaca: until filled, canceled or expired).</summary>
    public bool IsOpen => Status is "new" or "accepted" or "pending_new" or "partially_filled" or "accepted_for_bidding" or "held";

    /// <summary>The order as Alpaca's order object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteString("client_order_id", ClientOrderId);
        writer.WriteString("created_at", "2026-11-26T14:30:00.000000Z");
        writer.WriteString("asset_class", "us_equity");
        writer.WriteString("symbol", Symbol);
        writer.WriteString("qty", Qty);
        writer.WriteString("filled_qty", FilledQty);
        WriteNullable(writer, "filled_avg_price", FilledAvgPrice);
        writer.WriteString("order_class", "");
        writer.WriteString("order_type", Type);
        writer.WriteString("type", Type);
        writer.WriteString("side", Side);
        writer.WriteString("time_in_force", TimeInForce);
        WriteNullable(writer, "limit_price", LimitPrice);
        WriteNullable(writer, "stop_price", StopPrice);
        WriteNullable(writer, "trail_price", TrailPrice);
        WriteNullable(writer, "trail_percent", TrailPercent);
        writer.WriteString("status", Status);
        writer.WriteBoolean("extended_hours", ExtendedHours);
        writer.WriteNull("legs");
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
