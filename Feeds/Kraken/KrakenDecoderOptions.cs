namespace Feeds.Kraken;

/// <summary>Sizes of the Kraken book decoder's pre-allocated arrays.</summary>
public sealed record KrakenDecoderOptions
{
    /// <summary>Deepest book subscription accepted (Kraken offers 10, 25, 100, 500 and 1000).</summary>
    public int MaxDepth { get; init; } = 1000;

    /// <summary>
    /// Most entries one message may carry, both sides together; a snapshot carries up to twice the
    /// depth. Each side of a book holds <see cref="MaxDepth"/> plus this many levels.
    /// </summary>
    public int MaxLevelsPerMessage { get; init; } = 2048;

    /// <summary>Throws if a size is out of range (start-up misuse).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDepth, 100_000, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLevelsPerMessage, 2 * MaxDepth, nameof(MaxLevelsPerMessage));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxLevelsPerMessage, 1_000_000, nameof(MaxLevelsPerMessage));
    }
}
