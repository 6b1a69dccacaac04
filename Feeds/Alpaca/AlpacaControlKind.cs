namespace Feeds.Alpaca;

/// <summary>A control message of the stream (these always arrive alone, in an array of one).</summary>
public enum AlpacaControlKind : byte
{
    /// <summary>The frame held no control message.</summary>
    None,

    /// <summary><c>{"T":"success","msg":"connected"}</c>: the welcome; authenticate now.</summary>
    Connected,

    /// <summary><c>{"T":"success","msg":"authenticated"}</c>: subscribe now.</summary>
    Authenticated,

    /// <summary><c>{"T":"subscription",...}</c>: the whole current subscription list.</summary>
    Subscription,

    /// <summary><c>{"T":"error","code":...}</c>.</summary>
    Error,
}
