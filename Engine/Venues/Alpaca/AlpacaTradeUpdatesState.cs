namespace Engine.Venues.Alpaca;

/// <summary>Where <see cref="AlpacaTradeUpdates"/> is in the authenticate → listen handshake.</summary>
public enum AlpacaTradeUpdatesState
{
    /// <summary>No connection.</summary>
    Disconnected,

    /// <summary>Connected, authenticate sent; waiting for <c>authorization</c>.</summary>
    Authenticating,

    /// <summary>Authorized, listen sent; waiting for <c>listening</c>.</summary>
    Listening,

    /// <summary>Listening to trade_updates: the stream is up.</summary>
    Streaming,
}
