using System.Net.Http;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Authentication;

namespace Feeds.Transport;

/// <summary>
/// Opens one WebSocket: TLS 1.2 or 1.3 only for wss, a connect timeout, keep-alive frames.
/// </summary>
/// <remarks>
/// <see cref="ClientWebSocketOptions"/> has no TLS version setting, so the socket connects through
/// its own <see cref="SocketsHttpHandler"/>, whose <see cref="SslClientAuthenticationOptions"/>
/// allow TLS 1.2 and 1.3 only. Certificates are validated by the platform as usual, plus one extra
/// root when <see cref="WebSocketTransportOptions.TrustedRootCertificatePath"/> names one (the host
/// name must still match; see <see cref="TrustedRootCertificate"/>). One connector
/// serves every attempt of a transport; it is thread-safe.
/// </remarks>
internal sealed class WebSocketConnector : IDisposable
{
    /// <summary>The only TLS versions a wss connection may use.</summary>
    internal const SslProtocols AllowedTlsProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    private readonly HttpMessageInvoker _invoker;
    private readonly TimeSpan _connectTimeout;
    private readonly TimeSpan _keepAliveInterval;
    private readonly TimeSpan _keepAliveTimeout;
    private readonly CancellationToken _stop;

    /// <summary>
    /// Creates the connector; <paramref name="stop"/> aborts a connect in progress. Throws
    /// <see cref="InvalidOperationException"/> naming <paramref name="keyPath"/> (the transport's
    /// config path) when the trusted root file holds no certificate.
    /// </summary>
    public WebSocketConnector(WebSocketTransportOptions options, string keyPath, CancellationToken stop)
    {
        Handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = AllowedTlsProtocols,
                RemoteCertificateValidationCallback = TrustedRootCertificate.CallbackFor(options.TrustedRootCertificatePath, keyPath + ".trustedRootCertificatePath"),
            },
            ConnectTimeout = TimeSpan.FromMilliseconds(options.ConnectTimeoutMs),
            UseProxy = false,
        };
        _invoker = new HttpMessageInvoker(Handler, disposeHandler: true);
        _connectTimeout = TimeSpan.FromMilliseconds(options.ConnectTimeoutMs);
        _keepAliveInterval = options.KeepAliveIntervalMs == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(options.KeepAliveIntervalMs);
        _keepAliveTimeout = options.KeepAliveTimeoutMs == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(options.KeepAliveTimeoutMs);
        _stop = stop;
    }

    /// <summary>The handler every connection goes through (tests read its TLS settings).</summary>
    internal SocketsHttpHandler Handler { get; }

    /// <summary>Opens a WebSocket to <paramref name="url"/>; the factory Websocket.Client calls for each attempt.</summary>
    public async Task<WebSocket> ConnectAsync(Uri url, CancellationToken cancellation)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _keepAliveInterval;
        // With a timeout the keep-alive becomes a ping whose pong must come back in time, else the socket aborts.
        socket.Options.KeepAliveTimeout = _keepAliveTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _stop);
        timeout.CancelAfter(_connectTimeout);
        try
        {
            await socket.ConnectAsync(url, _invoker, timeout.Token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _invoker.Dispose();
}
