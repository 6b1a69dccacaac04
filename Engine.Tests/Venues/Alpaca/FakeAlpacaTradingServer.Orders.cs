using System.Text.Json;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>The fake's order endpoints: place (idempotent on client_order_id), list, cancel. Called under the server's lock.</summary>
internal sealed partial class FakeAlpacaTradingServer
{
    private (int, string, FakeAlpacaTradeUpdate?) Place(string body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (400, Error(40010000, "request body format is invalid"), null);
        }
        string? Field(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        string clientOrderId = Field("client_order_id") ?? Guid.NewGuid().ToString();
        if (_byClientId.ContainsKey(clientOrderId))
        {
            return (422, Error(40010001, "client_order_id must be unique"), null);
        }
        string? symbol = Field("symbol");
        string? qty = Field("qty");
        string? side = Field("side");
        string? type = Field("type");
        string? timeInForce = Field("time_in_force");
        if (string.IsNullOrEmpty(symbol) || qty is null || !long.TryParse(qty, out long quantity) || quantity <= 0)
        {
            return (422, Error(40010001, "qty must be a positive whole number"), null);
        }
        if (side is not ("buy" or "sell") || type is not ("market" or "limit" or "stop" or "stop_limit" or "trailing_stop")
            || timeInForce is not ("day" or "gtc" or "opg" or "cls" or "ioc" or "fok"))
        {
            return (422, Error(42210000, "invalid side, type or time_in_force"), null);
        }
        if (type is "limit" or "stop_limit" && Field("limit_price") is null)
        {
            return (422, Error(42210000, "limit_price is required"), null);
        }
        var order = new FakeAlpacaOrder
        {
            Id = Guid.NewGuid().ToString(),
            ClientOrderId = clientOrderId,
            Symbol = symbol,
            Qty = qty,
            Side = side,
            Type = type,
            TimeInForce = timeInForce,
            LimitPrice = Field("limit_price"),
            StopPrice = Field("stop_price"),
            TrailPrice = Field("trail_price"),
            TrailPercent = Field("trail_percent"),
            ExtendedHours = root.TryGetProperty("extended_hours", out var extended) && extended.ValueKind == JsonValueKind.True,
        };
        _orders.Add(order);
        _byId[order.Id] = order;
        _byClientId[order.ClientOrderId] = order;
        return (200, Json(order.WriteTo), Publish("new", order));
    }

    private string ListOrders(string status) => Json(writer =>
    {
        writer.WriteStartArray();
        foreach (var order in _orders)
        {
            bool wanted = status switch
            {
                "" or "open" => order.IsOpen,
                "closed" => !order.IsOpen,
                _ => true,
            };
            if (wanted)
            {
                order.WriteTo(writer);
            }
        }
        writer.WriteEndArray();
    });

    private (int, string, FakeAlpacaTradeUpdate?) Cancel(string orderId)
    {
        if (!_byId.TryGetValue(orderId, out var order))
        {
            return (404, Error(40410000, "order not found"), null);
        }
        if (!order.IsOpen)
        {
            return (422, Error(42210000, $"order is not cancelable, status: {order.Status}"), null);
        }
        order.Status = "canceled";
        return (204, "", Publish("canceled", order));
    }
}
