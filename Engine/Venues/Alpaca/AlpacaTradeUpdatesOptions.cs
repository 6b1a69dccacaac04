using Feeds.Transport;

namespace Engine.Venues.Alpaca;

/// <summary>
/// Settings of Alpaca's trade_updates stream (<c>venues.alpaca.stream</c>): where, how many orders'
/// cumulative fills to remember, and the transport's timing. The credentials are the venue's own
/// (from the environment only); this record names none.
/// </summary>
public sealed record AlpacaTradeUpdatesOptions
{
    /// <summary>The stream URL: <c>wss://paper-api.alpaca.markets/stream</c> (paper) or <c>wss://api.alpaca.markets/stream</c> (live).</summary>
    public string Url { get; set; } = "wss://paper-api.alpaca.markets/stream";

    /// <summary>
    /// Orders whose cumulative filled quantity the gateway remembers (to never count a fill twice).
    /// Finished orders are forgotten first, oldest first; must comfortably exceed the open orders.
    /// </summary>
    public int MaxTrackedOrders { get; set; } = 4096;

    /// <summary>
    /// Connect timeout, reconnect backoff, stale timeout, keep-alive. The stale timer is off by
    /// default: the stream is silent while no order changes, so silence is not staleness here;
    /// instead every keep-alive is a ping that must be answered within 10 s, which finds a dead
    /// connection within 25 s.
    /// </summary>
    public WebSocketTransportOptions Transport { get; set; } = new() { StaleTimeoutMs = 0, KeepAliveIntervalMs = 15_000, KeepAliveTimeoutMs = 10_000 };

    /// <summary>Adds every problem with these options to <paramref name="errors"/>, each with its key path under <paramref name="path"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (WebSocketUrlPolicy.Check(Url) is { } problem)
        {
            errors.Add($"{path}.url: {problem}");
        }
        if (MaxTrackedOrders is < 16 or > 10_000_000)
        {
            errors.Add($"{path}.maxTrackedOrders: {MaxTrackedOrders} is outside 16..10000000");
        }
        if (Transport is null)
        {
            errors.Add($"{path}.transport: must be an object");
        }
        else
        {
            Transport.Validate(path + ".transport", errors);
        }
    }
}
