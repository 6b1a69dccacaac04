using System.Net;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Transport;

/// <summary>
/// A real WebSocket server on 127.0.0.1 and a random port (Kestrel; ws, or wss with a test
/// certificate), running a test's handler for every connection. Disposing it stops Kestrel and aborts open connections.
/// </summary>
internal sealed class LoopbackWebSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _connections;

    private LoopbackWebSocketServer(WebApplication app) => _app = app;

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The base address, <c>ws://127.0.0.1:port</c> (<c>wss://</c> with a certificate).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Starts a server whose every connection runs <paramref name="handler"/> (socket, 0-based
    /// connection index, abort token); with <paramref name="certificate"/> it speaks wss (TLS 1.2 and 1.3) only.
    /// </summary>
    public static async Task<LoopbackWebSocketServer> StartAsync(Func<WebSocket, int, CancellationToken, Task> handler, X509Certificate2? certificate = null)
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
        var server = new LoopbackWebSocketServer(app);
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            int index = Interlocked.Increment(ref server._connections) - 1;
            try
            {
                await handler(socket, index, context.RequestAborted);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The client went away mid-conversation: what several tests do on purpose.
            }
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = (certificate is null ? "ws://" : "wss://") + new Uri(address).Authority;
        return server;
    }

    /// <summary>Sends <paramref name="text"/> as one text message.</summary>
    public static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next text message, or null once the client closed.</summary>
    public static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken cancellation)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>Reads until the client closes (answering its close), or until <paramref name="cancellation"/>; <paramref name="index"/> is unused, for the handler signature.</summary>
    public static async Task DrainUntilClosedAsync(WebSocket socket, int index, CancellationToken cancellation)
    {
        while (await ReceiveAsync(socket, cancellation) is not null)
        {
        }
        if (socket.State == WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
