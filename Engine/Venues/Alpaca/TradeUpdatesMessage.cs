namespace Engine.Venues.Alpaca;

/// <summary>One message of the trade_updates WebSocket: <c>{"stream": .., "data": {..}}</c>.</summary>
internal sealed class TradeUpdatesMessage
{
    /// <summary><c>authorization</c>, <c>listening</c> or <c>trade_updates</c>.</summary>
    public string? Stream { get; set; }

    /// <summary>The payload, whose fields depend on <see cref="Stream"/>.</summary>
    public TradeUpdatesData? Data { get; set; }
}
