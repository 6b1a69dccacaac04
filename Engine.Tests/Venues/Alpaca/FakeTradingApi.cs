using Engine.Orders;
using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>An in-memory <see cref="IAlpacaTradingApi"/>: the venue's orders and positions as the test sets them.</summary>
internal sealed class FakeTradingApi : IAlpacaTradingApi
{
    /// <summary>Every order the venue has, open or not, by client order id.</summary>
    public Dictionary<string, AlpacaOrder> Orders { get; } = [];

    /// <summary>The venue's positions.</summary>
    public List<AlpacaPosition> Positions { get; } = [];

    /// <summary>When set, the open-order list fails with this error.</summary>
    public AlpacaError? OpenOrdersFailure { get; set; }

    /// <summary>Lookups made, by client order id.</summary>
    public List<string> Lookups { get; } = [];

    /// <summary>The answers to the next POSTs, in order (a POST without one fails the test).</summary>
    public Queue<AlpacaOrderResult> PlaceAnswers { get; } = new();

    /// <summary>Every POST body, in order.</summary>
    public List<AlpacaOrderRequest> Placed { get; } = [];

    /// <summary>The answers to the next cancels, in order (a cancel without one fails the test).</summary>
    public Queue<AlpacaCancelResult> CancelAnswers { get; } = new();

    /// <summary>Every cancel, by client order id.</summary>
    public List<string> Cancels { get; } = [];

    /// <summary>The next lookups that fail (unknown outcome) before they answer again.</summary>
    public int LookupFailures { get; set; }

    public Task<AlpacaOrderResult> PlaceOrderAsync(AlpacaOrderRequest request, CancellationToken cancellation)
    {
        Placed.Add(request);
        return PlaceAnswers.TryDequeue(out var answer) ? Task.FromResult(answer) : throw new NotSupportedException("no scripted answer for a POST");
    }

    public Task<AlpacaCancelResult> CancelOrderAsync(string clientOrderId, CancellationToken cancellation)
    {
        Cancels.Add(clientOrderId);
        return CancelAnswers.TryDequeue(out var answer) ? Task.FromResult(answer) : throw new NotSupportedException("no scripted answer for a cancel");
    }

    public Task<AlpacaQueryResult<IReadOnlyList<AlpacaOrder>>> GetOpenOrdersAsync(CancellationToken cancellation)
    {
        if (OpenOrdersFailure is { } failure)
        {
            return Task.FromResult(new AlpacaQueryResult<IReadOnlyList<AlpacaOrder>>(AlpacaOutcome.Unknown, [], failure));
        }
        IReadOnlyList<AlpacaOrder> open = Orders.Values.Where(o => o.Status is "new" or "accepted" or "pending_new" or "partially_filled" or "pending_cancel").ToList();
        return Task.FromResult(new AlpacaQueryResult<IReadOnlyList<AlpacaOrder>>(AlpacaOutcome.Ok, open));
    }

    public Task<AlpacaQueryResult<AlpacaOrder?>> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellation)
    {
        Lookups.Add(clientOrderId);
        if (LookupFailures > 0)
        {
            LookupFailures--;
            return Task.FromResult(new AlpacaQueryResult<AlpacaOrder?>(AlpacaOutcome.Unknown, null, new AlpacaError(503, 0, "unavailable", VenueRejectReason.VenueUnavailable)));
        }
        return Task.FromResult(new AlpacaQueryResult<AlpacaOrder?>(AlpacaOutcome.Ok, Orders.GetValueOrDefault(clientOrderId)));
    }

    public Task<AlpacaQueryResult<IReadOnlyList<AlpacaPosition>>> GetPositionsAsync(CancellationToken cancellation) =>
        Task.FromResult(new AlpacaQueryResult<IReadOnlyList<AlpacaPosition>>(AlpacaOutcome.Ok, Positions.ToList()));

    public Task<AlpacaQueryResult<AlpacaAccount>> GetAccountAsync(CancellationToken cancellation) =>
        Task.FromResult(new AlpacaQueryResult<AlpacaAccount>(AlpacaOutcome.Ok, new AlpacaAccount { Status = "ACTIVE" }));

    /// <summary>Adds an AAPL-style order with our id <paramref name="clientOrderId"/>.</summary>
    public AlpacaOrder Add(long clientOrderId, string status, string filledQty = "0", string? filledAvgPrice = null, string symbol = "AAPL",
        string side = "buy", string qty = "100") => Add(ClientOrderIds.Format(clientOrderId), status, filledQty, filledAvgPrice, symbol, side, qty);

    /// <summary>Adds an order with any client order id.</summary>
    public AlpacaOrder Add(string clientOrderId, string status, string filledQty = "0", string? filledAvgPrice = null, string symbol = "AAPL",
        string side = "buy", string qty = "100")
    {
        var order = new AlpacaOrder
        {
            Id = Guid.NewGuid().ToString(),
            ClientOrderId = clientOrderId,
            Symbol = symbol,
            Qty = qty,
            FilledQty = filledQty,
            FilledAvgPrice = filledAvgPrice,
            Side = side,
            Type = "limit",
            TimeInForce = "day",
            LimitPrice = "126.5",
            Status = status,
        };
        Orders[clientOrderId] = order;
        return order;
    }
}
