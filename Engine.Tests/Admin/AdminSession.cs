using System.Net.Http.Headers;
using Engine.Admin;
using Engine.Config;
using Engine.Host;
using Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Admin;

/// <summary>A running synthetic engine with its admin endpoint on a real socket and a client holding the token: what the admin end-to-end tests share.</summary>
internal sealed class AdminSession : IAsyncDisposable
{
    public const string Token = "test-token-not-a-secret";

    private AdminSession(EngineHost host, AdminEndpoint endpoint)
    {
        Host = host;
        Endpoint = endpoint;
        Http = new HttpClient { BaseAddress = new Uri(endpoint.BaseUrl) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public EngineHost Host { get; }

    public AdminEndpoint Endpoint { get; }

    /// <summary>A client that sends the token.</summary>
    public HttpClient Http { get; }

    /// <summary>
    /// Starts the engine named <paramref name="loopName"/> (its test options changed by <paramref name="adjust"/>, if given),
    /// waits until its books have a market, then serves the endpoint (with <paramref name="reload"/> behind /admin/reload, if given).
    /// </summary>
    public static async Task<AdminSession> StartAsync(string loopName, ulong seed, Func<bool>? reload = null, Func<EngineOptions, EngineOptions>? adjust = null)
    {
        var options = TestEngines.Synthetic(loopName, 200_000, seed);
        options = adjust?.Invoke(options) ?? options;
        var host = new EngineHost(options, NullLoggerFactory.Instance);
        host.Start();
        Eventually.Until(() => host.Status().EventsProcessed > 20_000, TestTimeouts.LongRun, "the books have a market");
        var service = new AdminService(host, host.Instruments, host.Admin, TimeSpan.FromSeconds(10), reload);
        var endpoint = await AdminEndpoint.StartAsync(options.Admin, Token, service, NullLoggerFactory.Instance);
        return new AdminSession(host, endpoint);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Endpoint.DisposeAsync();
        Host.Stop();
        Host.Dispose();
    }
}
