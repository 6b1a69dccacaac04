using System.Net;
using Engine.Config;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engine.Host;

/// <summary>The small Kestrel app behind each of the engine's HTTP endpoints (metrics, admin): built and started one way.</summary>
internal static class EndpointApp
{
    /// <summary>A slim web app listening where <paramref name="options"/> say, logging through the engine's <paramref name="loggers"/>.</summary>
    public static WebApplication Create(EndpointOptions options, ILoggerFactory loggers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        // The engine logs its own start and stop; the web host's lifetime lines are noise.
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(options.Address), options.Port));
        return builder.Build();
    }

    /// <summary>Starts <paramref name="app"/> and returns its base address, <c>http://address:port</c> (the port chosen when 0 was asked).</summary>
    public static async Task<string> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return "http://" + new Uri(address).Authority;
    }
}
