namespace Engine.Tests.Venues.Alpaca;

/// <summary>What the fake does to a request instead of (or after) serving it.</summary>
internal enum FakeAlpacaFaultKind
{
    /// <summary>Answers with <see cref="FakeAlpacaFault.Status"/>, the body and the Retry-After given, without serving the request.</summary>
    Answer,

    /// <summary>Serves the request (an order is accepted), then holds the answer until the client gives up and closes.</summary>
    SlowAfterServing,

    /// <summary>Serves the request (an order is accepted), then drops the connection without an answer.</summary>
    DropAfterServing,

    /// <summary>Drops the connection without serving the request.</summary>
    DropBeforeServing,
}

/// <summary>A fault to inject into the fake's next matching requests.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Status">The HTTP status for <see cref="FakeAlpacaFaultKind.Answer"/>.</param>
/// <param name="Body">The body for <see cref="FakeAlpacaFaultKind.Answer"/> (Alpaca's <c>{"code":..,"message":..}</c> or anything).</param>
/// <param name="RetryAfter">The Retry-After header value, or null for none.</param>
internal sealed record FakeAlpacaFault(FakeAlpacaFaultKind Kind, int Status = 0, string Body = "", string? RetryAfter = null)
{
    /// <summary>429 with Alpaca's body and a Retry-After.</summary>
    public static FakeAlpacaFault TooManyRequests(string? retryAfter = "0") =>
        new(FakeAlpacaFaultKind.Answer, 429, """{"code":42910000,"message":"rate limit exceeded"}""", retryAfter);

    /// <summary>A 5xx with a body that is not Alpaca's.</summary>
    public static FakeAlpacaFault ServerError(int status = 503) =>
        new(FakeAlpacaFaultKind.Answer, status, "<html>upstream unavailable</html>");

    /// <summary>Alpaca's error body with <paramref name="status"/> and <paramref name="code"/>.</summary>
    public static FakeAlpacaFault Error(int status, int code, string message) =>
        new(FakeAlpacaFaultKind.Answer, status, $$"""{"code":{{code}},"message":"{{message}}"}""");

    /// <summary>Serve, then answer only after the client has given up.</summary>
    public static FakeAlpacaFault Slow() => new(FakeAlpacaFaultKind.SlowAfterServing);

    /// <summary>Serve, then drop the connection.</summary>
    public static FakeAlpacaFault DropAfterServing() => new(FakeAlpacaFaultKind.DropAfterServing);

    /// <summary>Drop the connection without serving.</summary>
    public static FakeAlpacaFault DropBeforeServing() => new(FakeAlpacaFaultKind.DropBeforeServing);
}
