namespace Engine.Tests.Venues.Alpaca;

/// <summary>One request the fake received.</summary>
/// <param name="Method">GET, POST or DELETE.</param>
/// <param name="Path">The path, e.g. <c>/v2/orders:by_client_order_id</c>.</param>
/// <param name="Query">The query string with its <c>?</c>, or empty.</param>
/// <param name="ArrivedTicks">When it arrived, <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
/// <param name="Authorized">Whether both auth headers carried the right values.</param>
/// <param name="Body">The request body as sent (empty for none).</param>
internal sealed record FakeAlpacaRequest(string Method, string Path, string Query, long ArrivedTicks, bool Authorized, string Body)
{
    /// <summary><c>METHOD path</c>, the key faults are matched on.</summary>
    public string Route => Method + " " + Path;
}
