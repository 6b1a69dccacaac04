using Engine.Orders;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>trade_updates messages shaped like the example of trading-api-streaming.md.</summary>
internal static class TradeUpdateFrames
{
    public const string Authorized = """{"stream":"authorization","data":{"status":"authorized","action":"authenticate"}}""";

    public const string Unauthorized = """{"stream":"authorization","data":{"status":"unauthorized","action":"authenticate"}}""";

    public const string Listening = """{"stream":"listening","data":{"streams":["trade_updates"]}}""";

    public const string ListeningToNothing = """{"stream":"listening","data":{"streams":[]}}""";

    public const string Timestamp = "2022-04-19T17:45:05.024916716Z";

    /// <summary>Our text id of client order <paramref name="clientOrderId"/>.</summary>
    public static string Id(long clientOrderId) => ClientOrderIds.Format(clientOrderId);

    /// <summary>
    /// One trade_updates event for an order with <paramref name="clientOrderId"/> (text), of
    /// <paramref name="qty"/> shares, <paramref name="filledQty"/> filled at an average of
    /// <paramref name="filledAvgPrice"/>; fills carry <paramref name="price"/> and <paramref name="fillQty"/>.
    /// </summary>
    public static string Event(string eventType, string clientOrderId, string symbol = "AAPL", string side = "buy", string qty = "100",
        string filledQty = "0", string? filledAvgPrice = null, string? price = null, string? fillQty = null, string status = "new",
        string? timestamp = Timestamp)
    {
        string Str(string? value) => value is null ? "null" : "\"" + value + "\"";
        string extra = (price is null ? "" : $",\"price\":\"{price}\"") + (fillQty is null ? "" : $",\"qty\":\"{fillQty}\"")
            + (timestamp is null ? "" : $",\"timestamp\":\"{timestamp}\"") + (price is null ? "" : ",\"position_qty\":\"0\"");
        return $$$"""
            {"stream":"trade_updates","data":{"event":"{{{eventType}}}","execution_id":"2f63ea93-423d-4169-b3f6-3fdafc10c418","order":{
            "asset_class":"us_equity","canceled_at":null,"client_order_id":"{{{clientOrderId}}}","created_at":"2022-04-19T13:45:04.981350886-04:00",
            "extended_hours":false,"filled_avg_price":{{{Str(filledAvgPrice)}}},"filled_qty":"{{{filledQty}}}","hwm":null,
            "id":"a5be8f5e-fdfa-41f5-a644-7a74fe947a8f","legs":null,"limit_price":"126.5","order_class":"","order_type":"limit",
            "qty":"{{{qty}}}","replaced_by":null,"side":"{{{side}}}","status":"{{{status}}}","stop_price":null,"symbol":"{{{symbol}}}",
            "time_in_force":"day","type":"limit","updated_at":"2022-04-19T13:45:05.027690731-04:00"}{{{extra}}}}}
            """;
    }
}
