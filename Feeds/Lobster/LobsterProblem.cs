namespace Feeds.Lobster;

/// <summary>A malformed LOBSTER line, as reported: which file, which line (1-based, header included), why.</summary>
/// <param name="Source">The file's name as the caller gave it.</param>
/// <param name="LineNumber">Line number in the file, from 1.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record LobsterProblem(string Source, long LineNumber, LobsterLineReason Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}:{LineNumber}: {Reason}";
}
