using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Engine.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Engine.Admin;

/// <summary>
/// The operator's HTTP endpoint (Kestrel, loopback by default): <c>POST /admin/orders</c>,
/// <c>DELETE /admin/orders/{clientOrderId}</c>, <c>GET /admin/orders</c>, <c>POST /admin/kill</c>,
/// <c>POST /admin/resume</c>, <c>POST /admin/twap</c>, <c>DELETE /admin/twap</c>, <c>GET /admin/twap</c>. Every request needs <c>Authorization: Bearer &lt;token&gt;</c> with
/// the token from <see cref="AdminOptions.TokenVariable"/>, compared in constant time; the token
/// never appears in a log line or an answer.
/// </summary>
public sealed class AdminEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdminEndpoint(WebApplication app) => _app = app;

    /// <summary>The base address, <c>http://address:port</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Starts the endpoint over <paramref name="service"/>; refuses a blank token.</summary>
    public static async Task<AdminEndpoint> StartAsync(AdminOptions options, string token, AdminService service, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(service);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException($"the admin token ({AdminOptions.TokenVariable}) is empty", nameof(token));
        }
        byte[] expected = Encoding.UTF8.GetBytes(token);
        var app = EndpointApp.Create(options, loggers);
        app.Use(async (context, next) =>
        {
            if (!Authorized(context.Request, expected))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("missing or wrong bearer token\n");
                return;
            }
            await next(context);
        });
        app.MapPost("/admin/orders", async context =>
        {
            ManualOrder? order;
            try
            {
                order = await JsonSerializer.DeserializeAsync(context.Request.Body, AdminJsonContext.Default.ManualOrder, context.RequestAborted);
            }
            catch (JsonException exception)
            {
                await Write(context, StatusCodes.Status400BadRequest, AdminAnswer.Invalid([$"body: {exception.Message}"]));
                return;
            }
            var answer = order is null ? AdminAnswer.Invalid(["body: an order object is required"]) : service.Place(order);
            await Write(context, StatusOf(answer), answer);
        });
        app.MapDelete("/admin/orders/{clientOrderId}", async (HttpContext context, string clientOrderId) =>
        {
            var answer = service.Cancel(clientOrderId);
            await Write(context, StatusOf(answer), answer);
        });
        app.MapDelete("/admin/orders", async context =>
        {
            service.CancelAll();
            await Write(context, StatusCodes.Status200OK, new AdminAnswer("cancel all sent"));
        });
        app.MapGet("/admin/orders", async context =>
        {
            var orders = service.List();
            if (orders is null)
            {
                await Write(context, StatusCodes.Status503ServiceUnavailable, AdminAnswer.NoAnswer());
                return;
            }
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, [.. orders], AdminJsonContext.Default.ListAdminOrderView, context.RequestAborted);
        });
        app.MapPost("/admin/twap", async context =>
        {
            TwapRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync(context.Request.Body, AdminJsonContext.Default.TwapRequest, context.RequestAborted);
            }
            catch (JsonException exception)
            {
                await Write(context, StatusCodes.Status400BadRequest, AdminAnswer.Invalid([$"body: {exception.Message}"]));
                return;
            }
            var answer = request is null ? AdminAnswer.Invalid(["body: a twap object is required"]) : service.StartTwap(request);
            await Write(context, StatusOf(answer), answer);
        });
        app.MapDelete("/admin/twap", async context =>
        {
            var answer = service.CancelTwap();
            await Write(context, StatusOf(answer), answer);
        });
        app.MapGet("/admin/twap", async context =>
        {
            var view = service.ShowTwap();
            if (view is null)
            {
                await Write(context, StatusCodes.Status404NotFound, new AdminAnswer("not found", Reason: "no TWAP parent has been started"));
                return;
            }
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, view, AdminJsonContext.Default.TwapView, context.RequestAborted);
        });
        app.MapPost("/admin/kill", async context =>
        {
            bool flatten = context.Request.Query["flatten"] == "true";
            if (flatten)
            {
                service.KillAndFlatten();
            }
            else
            {
                service.Kill();
            }
            await Write(context, StatusCodes.Status200OK, new AdminAnswer(flatten ? "kill and flatten sent" : "kill sent"));
        });
        app.MapPost("/admin/reload", async context =>
        {
            var answer = service.Reload();
            await Write(context, StatusOf(answer), answer);
        });
        app.MapPost("/admin/reduce-only", async context =>
        {
            service.ReduceOnly();
            await Write(context, StatusCodes.Status200OK, new AdminAnswer("reduce-only sent"));
        });
        app.MapPost("/admin/resume", async context =>
        {
            service.Resume();
            await Write(context, StatusCodes.Status200OK, new AdminAnswer("resume sent"));
        });
        string baseUrl = await EndpointApp.StartAsync(app);
        return new AdminEndpoint(app) { BaseUrl = baseUrl };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static bool Authorized(HttpRequest request, byte[] expected)
    {
        string header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.Ordinal))
        {
            return false;
        }
        byte[] given = Encoding.UTF8.GetBytes(header[Bearer.Length..]);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static int StatusOf(AdminAnswer answer) => answer.Outcome switch
    {
        "invalid" => StatusCodes.Status400BadRequest,
        "refused" => StatusCodes.Status422UnprocessableEntity,
        "not found" => StatusCodes.Status404NotFound,
        "twap active" => StatusCodes.Status409Conflict,
        "no answer" => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status200OK,
    };

    private static async Task Write(HttpContext context, int status, AdminAnswer answer)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, answer, AdminJsonContext.Default.AdminAnswer, context.RequestAborted);
    }
}
