using Feeds.Transport;

namespace Engine.Venues.Alpaca;

/// <summary>
/// Which URLs the Alpaca trading client may use: https anywhere; plain http only in paper mode and
/// only to a loopback host (a test server); never a URL carrying user information.
/// </summary>
internal static class AlpacaUrlPolicy
{
    /// <summary>The problem with the REST base URL <paramref name="url"/> in <paramref name="mode"/>, or null when it may be used.</summary>
    public static string? CheckBaseUrl(AlpacaTradingMode mode, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is empty; give an https:// URL";
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"'{url}' is not an absolute URL";
        }
        if (uri.UserInfo.Length != 0)
        {
            return "carries user information; credentials come from the environment or systemd credentials only, never from the URL";
        }
        if (uri.AbsolutePath != "/" || uri.Query.Length != 0 || uri.Fragment.Length != 0)
        {
            return $"'{url}' has a path, query or fragment; give the scheme, host and port only";
        }
        return CheckScheme(mode, uri) is { } problem ? $"'{url}' {problem}" : null;
    }

    /// <summary>The problem with the trade_updates stream URL <paramref name="url"/> in <paramref name="mode"/>, or null when it may be used.</summary>
    public static string? CheckStreamUrl(AlpacaTradingMode mode, string? url)
    {
        if (WebSocketUrlPolicy.Check(url) is { } problem)
        {
            return problem;
        }
        return mode == AlpacaTradingMode.Live && new Uri(url!, UriKind.Absolute).Scheme != "wss"
            ? $"'{url}' is plain ws://; live mode requires wss://"
            : null;
    }

    /// <summary>Whether a request to <paramref name="requestUri"/> may be sent in <paramref name="mode"/>: checked again for every request.</summary>
    public static bool MaySend(AlpacaTradingMode mode, Uri requestUri) =>
        requestUri.IsAbsoluteUri && requestUri.UserInfo.Length == 0 && CheckScheme(mode, requestUri) is null;

    private static string? CheckScheme(AlpacaTradingMode mode, Uri uri)
    {
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return uri.Host.Length == 0 ? "has no host" : null;
        }
        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            return $"has scheme '{uri.Scheme}'; only https:// is allowed";
        }
        if (mode == AlpacaTradingMode.Live)
        {
            return "is plain http://; live mode requires https://";
        }
        return WebSocketUrlPolicy.IsLoopbackHost(uri.Host)
            ? null
            : "is plain http:// to a host that is not loopback; paper mode allows http:// only to 127.0.0.0/8, ::1 or localhost";
    }
}
