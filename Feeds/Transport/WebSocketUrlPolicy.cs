using System.Net;

namespace Feeds.Transport;

/// <summary>
/// Which WebSocket URLs a transport may open: <c>wss://</c> anywhere, plain <c>ws://</c> only to
/// a loopback host (127.0.0.0/8, ::1, localhost), and never a URL carrying credentials.
/// </summary>
public static class WebSocketUrlPolicy
{
    /// <summary>
    /// The problem with <paramref name="url"/>, or null when it may be opened. The text never
    /// repeats a URL that carries user information, since that part may be a password.
    /// </summary>
    public static string? Check(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is empty; give a wss:// URL";
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"'{url}' is not an absolute URL";
        }
        if (uri.UserInfo.Length != 0)
        {
            return "carries user information; credentials come from environment variables only, never from the URL";
        }
        if (uri.Scheme == "wss")
        {
            return uri.Host.Length == 0 ? $"'{url}' has no host" : null;
        }
        if (uri.Scheme == "ws")
        {
            return IsLoopbackHost(uri.Host) ? null : $"'{url}' is plain ws:// to a host that is not loopback; only wss:// may leave the machine";
        }
        return $"'{url}' has scheme '{uri.Scheme}'; only wss:// (or ws:// to a loopback host) is allowed";
    }

    /// <summary>Whether <paramref name="host"/> (as <see cref="Uri.Host"/> gives it) names this machine.</summary>
    public static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        // Uri.Host keeps the brackets of an IPv6 literal.
        var literal = host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host.AsSpan(1, host.Length - 2) : host.AsSpan();
        if (!IPAddress.TryParse(literal, out var address))
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return IPAddress.IsLoopback(address);
    }

    /// <summary>Parses <paramref name="url"/>, throwing <see cref="ArgumentException"/> with the policy's text when it may not be opened.</summary>
    public static Uri Require(string url, string what)
    {
        string? problem = Check(url);
        return problem is null ? new Uri(url, UriKind.Absolute) : throw new ArgumentException($"{what}: {problem}", nameof(url));
    }
}
