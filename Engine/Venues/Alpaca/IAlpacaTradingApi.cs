namespace Engine.Venues.Alpaca;

/// <summary>
/// Alpaca's Trading API v2 as the gateway uses it: place, cancel and look up orders, read positions
/// and the account. The implementation owns rate limiting, retries, timeouts and the no-duplicate rule
/// (a POST that timed out is looked up by client_order_id before anything is sent again).
/// </summary>
/// <remarks>Called from the Alpaca gateway's thread(s), never from the loop. Never throws for a venue answer: failures are results.</remarks>
public interface IAlpacaTradingApi
{
    /// <summary>POST /v2/orders.</summary>
    Task<AlpacaOrderResult> PlaceOrderAsync(AlpacaOrderRequest request, CancellationToken cancellation);

    /// <summary>DELETE /v2/orders/{id} for the order with <paramref name="clientOrderId"/> (looked up first when its venue id is not known yet).</summary>
    Task<AlpacaCancelResult> CancelOrderAsync(string clientOrderId, CancellationToken cancellation);

    /// <summary>GET /v2/orders?status=open.</summary>
    Task<AlpacaQueryResult<IReadOnlyList<AlpacaOrder>>> GetOpenOrdersAsync(CancellationToken cancellation);

    /// <summary>GET /v2/orders:by_client_order_id; a 404 is a success with a null value.</summary>
    Task<AlpacaQueryResult<AlpacaOrder?>> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellation);

    /// <summary>GET /v2/positions.</summary>
    Task<AlpacaQueryResult<IReadOnlyList<AlpacaPosition>>> GetPositionsAsync(CancellationToken cancellation);

    /// <summary>GET /v2/account.</summary>
    Task<AlpacaQueryResult<AlpacaAccount>> GetAccountAsync(CancellationToken cancellation);
}
