namespace Engine.Venues.Alpaca;

/// <summary>The result of one HTTP exchange: how it ended, and the answer when there was one.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Status">The HTTP status when answered, else 0.</param>
/// <param name="Body">The answer's body when answered, else empty.</param>
/// <param name="RetryAfter">The answer's Retry-After (seconds or HTTP date), when it had one.</param>
/// <param name="Detail">What went wrong when not answered, for the error text (never a header or a body).</param>
internal readonly record struct AlpacaAttempt(AlpacaAttemptKind Kind, int Status, byte[] Body, TimeSpan? RetryAfter, string Detail)
{
    /// <summary>Answered with 2xx.</summary>
    public bool Succeeded => Kind == AlpacaAttemptKind.Answered && Status is >= 200 and <= 299;

    /// <summary>Worth another try: 429, 5xx, a timeout or a network failure.</summary>
    public bool Retryable => Kind switch
    {
        AlpacaAttemptKind.Answered => Status is 429 or (>= 500 and <= 599),
        AlpacaAttemptKind.TimedOut or AlpacaAttemptKind.ConnectionLost or AlpacaAttemptKind.NotSent => true,
        _ => false,
    };

    /// <summary>The venue may have acted on the request although no success came back: a timeout, a dropped connection or a 5xx.</summary>
    public bool MayHaveApplied => Kind is AlpacaAttemptKind.TimedOut or AlpacaAttemptKind.ConnectionLost
        || (Kind == AlpacaAttemptKind.Answered && Status is >= 500 and <= 599);

    /// <summary>An exchange that ended without an answer.</summary>
    public static AlpacaAttempt Failed(AlpacaAttemptKind kind, string detail) => new(kind, 0, [], null, detail);
}
