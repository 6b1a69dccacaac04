using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>
/// A loopback server speaking Alpaca's Trading API v2 (Kestrel on 127.0.0.1, a random port, http or
/// https with a test certificate): POST /v2/orders (idempotent on client_order_id: a second POST of
/// an id gets Alpaca's 422), GET /v2/orders?status=, GET /v2/orders:by_client_order_id,
/// GET and DELETE /v2/orders/{id}, GET /v2/positions, GET /v2/account, each checking the two auth
/// headers. Faults are injected per route (<c>"POST /v2/orders"</c>) or for every route (<c>"*"</c>).
/// </summary>
/// <remarks>
/// Every change of an order's state is published as Alpaca's trade_updates message: pushed to the
/// streams listening on <c>/stream</c> (FakeAlpacaTradingServer.Stream.cs) and raised as
/// <see cref="OrderUpdated"/>.
/// </remarks>
internal sealed partial class FakeAlpacaTradingServer : IAsyncDisposable
{
    public const string KeyId = "PKFAKETRADING0001";
    public const string Secret = "fake-trading-secret-Hq3Zr8Lm";

    /// <summary>Route key matching every request.</summary>
    public const string AnyRoute = "*";

    private static readonly TimeSpan s_slowAnswerLimit = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeAlpacaOrder> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeAlpacaOrder> _byClientId = new(StringComparer.Ordinal);
    private readonly List<FakeAlpacaOrder> _orders = [];
    private readonly Dictionary<string, Queue<FakeAlpacaFault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeAlpacaRequest> _requests = new();
    private readonly ConcurrentQueue<string> _orderBodies = new();
    private Func<FakeAlpacaRequest, FakeAlpacaFault?>? _faultPolicy;
    private string _positionsJson = "[]";

    private FakeAlpacaTradingServer(WebApplication app) => _app = app;

    /// <summary>Raised after an order changes state (outside the server's lock), with the trade_updates message the streams got.</summary>
    public event Action<FakeAlpacaTradeUpdate>? OrderUpdated;

    /// <summary><c>http://127.0.0.1:port</c> or <c>https://127.0.0.1:port</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The trade_updates stream on the same listener: <c>ws://127.0.0.1:port/stream</c>, or <c>wss://</c> (same certificate) when the server speaks https.</summary>
    public string StreamUrl => "ws" + BaseUrl[4..] + "/stream";

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<FakeAlpacaRequest> Requests => [.. _requests];

    /// <summary>The body of every POST /v2/orders that was served, as sent.</summary>
    public IReadOnlyList<string> OrderBodies => [.. _orderBodies];

    /// <summary>The account object served by GET /v2/account.</summary>
    public string AccountJson { get; set; } =
        """{"id":"fake-account","status":"ACTIVE","currency":"USD","buying_power":"100000.50","cash":"50000.25","equity":"50000.25","trading_blocked":false,"account_blocked":false}""";

    /// <summary>Starts a server; with <paramref name="certificate"/> it speaks https and wss (TLS 1.2 and 1.3) only.</summary>
    public static async Task<FakeAlpacaTradingServer> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate, https => https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13);
            }
        }));
        var app = builder.Build();
        var server = new FakeAlpacaTradingServer(app);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = (certificate is null ? "http://" : "https://") + new Uri(address).Authority;
        return server;
    }

    /// <summary>Makes the next <paramref name="times"/> requests of <paramref name="route"/> (<c>"POST /v2/orders"</c>, or <see cref="AnyRoute"/>) meet <paramref name="fault"/>.</summary>
    public void Inject(string route, FakeAlpacaFault fault, int times = 1)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(route, out var queue))
            {
                _faults[route] = queue = new Queue<FakeAlpacaFault>();
            }
            for (int i = 0; i < times; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    /// <summary>Asked for every request that has no queued fault: a fault, or null to serve it.</summary>
    public void SetFaultPolicy(Func<FakeAlpacaRequest, FakeAlpacaFault?>? policy)
    {
        lock (_gate)
        {
            _faultPolicy = policy;
        }
    }

    /// <summary>The positions served by GET /v2/positions: (symbol, signed qty, average entry price).</summary>
    public void SetPositions(params (string Symbol, string Qty, string AvgEntryPrice)[] positions)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (symbol, qty, price) in positions)
            {
                writer.WriteStartObject();
                writer.WriteString("asset_id", "00000000-0000-0000-0000-000000000000");
                writer.WriteString("symbol", symbol);
                writer.WriteString("exchange", "NASDAQ");
                writer.WriteString("asset_class", "us_equity");
                writer.WriteString("qty", qty);
                writer.WriteString("avg_entry_price", price);
                writer.WriteString("side", qty.StartsWith('-') ? "short" : "long");
                writer.WriteString("market_value", "0");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        lock (_gate)
        {
            _positionsJson = Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    /// <summary>Orders held (every status), in the order they were placed.</summary>
    public IReadOnlyList<FakeAlpacaOrder> Orders()
    {
        lock (_gate)
        {
            return [.. _orders];
        }
    }

    /// <summary>How many orders carry <paramref name="clientOrderId"/> (the no-duplicate checks want 1).</summary>
    public int CountWithClientOrderId(string clientOrderId)
    {
        lock (_gate)
        {
            int count = 0;
            foreach (var order in _orders)
            {
                count += order.ClientOrderId == clientOrderId ? 1 : 0;
            }
            return count;
        }
    }

    /// <summary>Requests received on <paramref name="route"/> (<c>"GET /v2/orders:by_client_order_id"</c>).</summary>
    public int CountRequests(string route)
    {
        int count = 0;
        foreach (var request in _requests)
        {
            count += request.Route == route ? 1 : 0;
        }
        return count;
    }

    /// <summary>Fills <paramref name="qty"/> more of the order at <paramref name="price"/> (whole shares), as the venue would.</summary>
    public void Fill(string clientOrderId, long qty, string price)
    {
        FakeAlpacaTradeUpdate update;
        lock (_gate)
        {
            var order = _byClientId[clientOrderId];
            long filled = long.Parse(order.FilledQty, System.Globalization.CultureInfo.InvariantCulture) + qty;
            order.FilledQty = filled.ToString(System.Globalization.CultureInfo.InvariantCulture);
            order.FilledAvgPrice = price;
            bool complete = filled >= long.Parse(order.Qty, System.Globalization.CultureInfo.InvariantCulture);
            order.Status = complete ? "filled" : "partially_filled";
            update = Publish(complete ? "fill" : "partial_fill", order, qty, price);
        }
        OrderUpdated?.Invoke(update);
    }

    /// <summary>Alpaca's JSON of one order, as served (for a stream endpoint's trade_updates).</summary>
    public string OrderJson(FakeAlpacaOrder order)
    {
        lock (_gate)
        {
            return Json(order.WriteTo);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Error(int code, string message) => $$"""{"code":{{code}},"message":"{{message}}"}""";

    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        if (http.Path == "/stream")
        {
            await StreamAsync(context);
            return;
        }
        bool authorized = http.Headers["APCA-API-KEY-ID"] == KeyId && http.Headers["APCA-API-SECRET-KEY"] == Secret;
        long arrived = Stopwatch.GetTimestamp();
        string body = await new StreamReader(http.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        var request = new FakeAlpacaRequest(http.Method, http.Path.Value ?? "", http.QueryString.Value ?? "", arrived, authorized, body);
        _requests.Enqueue(request);
        if (!authorized)
        {
            await WriteAsync(context, 401, Error(40110000, "request is not authorized"), null);
            return;
        }
        var fault = NextFault(request);
        if (fault?.Kind == FakeAlpacaFaultKind.Answer)
        {
            await WriteAsync(context, fault.Status, fault.Body, fault.RetryAfter);
            return;
        }
        if (fault?.Kind == FakeAlpacaFaultKind.DropBeforeServing)
        {
            context.Abort();
            return;
        }
        if (request.Route == "POST /v2/orders")
        {
            _orderBodies.Enqueue(body);
        }
        var (status, answer, update) = Serve(request, http.Query, body);
        if (update is not null)
        {
            OrderUpdated?.Invoke(update);
        }
        if (fault?.Kind == FakeAlpacaFaultKind.DropAfterServing)
        {
            context.Abort();
            return;
        }
        if (fault?.Kind == FakeAlpacaFaultKind.SlowAfterServing)
        {
            // Answer only once the client has given up (it closes the connection), so the order is
            // accepted here while the client sees a timeout; the limit only ends a forgotten request.
            try
            {
                await Task.Delay(s_slowAnswerLimit, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        await WriteAsync(context, status, answer, null);
    }

    private static async Task WriteAsync(HttpContext context, int status, string body, string? retryAfter)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        if (body.Length != 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    private FakeAlpacaFault? NextFault(FakeAlpacaRequest request)
    {
        lock (_gate)
        {
            if (_faults.TryGetValue(request.Route, out var queue) && queue.TryDequeue(out var fault))
            {
                return fault;
            }
            if (_faults.TryGetValue(AnyRoute, out queue) && queue.TryDequeue(out fault))
            {
                return fault;
            }
            return _faultPolicy?.Invoke(request);
        }
    }

    private (int Status, string Body, FakeAlpacaTradeUpdate? Update) Serve(FakeAlpacaRequest request, IQueryCollection query, string body)
    {
        lock (_gate)
        {
            const string OrderPrefix = "/v2/orders/";
            return (request.Method, request.Path) switch
            {
                ("POST", "/v2/orders") => Place(body),
                ("GET", "/v2/orders") => (200, ListOrders(query["status"].ToString()), null),
                ("GET", "/v2/orders:by_client_order_id") => _byClientId.TryGetValue(query["client_order_id"].ToString(), out var byClient)
                    ? (200, Json(byClient.WriteTo), null)
                    : (404, Error(40410000, "order not found"), null),
                ("GET", var path) when path.StartsWith(OrderPrefix, StringComparison.Ordinal) => _byId.TryGetValue(path[OrderPrefix.Length..], out var byId)
                    ? (200, Json(byId.WriteTo), null)
                    : (404, Error(40410000, "order not found"), null),
                ("DELETE", var path) when path.StartsWith(OrderPrefix, StringComparison.Ordinal) => Cancel(path[OrderPrefix.Length..]),
                ("GET", "/v2/positions") => (200, _positionsJson, null),
                ("GET", "/v2/account") => (200, AccountJson, null),
                _ => (404, """{"message":"Not Found"}""", null),
            };
        }
    }
}
