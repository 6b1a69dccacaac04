namespace Feeds.Lobster;

/// <summary>
/// Reads a LOBSTER orderbook file: per row and level <c>AskPrice, AskSize, BidPrice, BidSize</c>,
/// levels 1..N, with or without a header row. Row i is the visible book after message i.
/// </summary>
/// <remarks>
/// One thread. Malformed rows are counted and recorded like <see cref="LobsterMessageReader"/>'s;
/// nothing is thrown for bad data. An empty level holds a dummy price (ask 9999999999, bid
/// -9999999999) and size 0: <see cref="IsEmptyLevel"/> recognises it.
/// </remarks>
public sealed class LobsterOrderbookReader
{
    /// <summary>Fields per level: ask price, ask size, bid price, bid size.</summary>
    public const int FieldsPerLevel = 4;

    private readonly TextReader _reader;
    private readonly string _source;
    private readonly List<LobsterProblem> _problems = [];

    /// <summary>Reads rows of <paramref name="levels"/> levels from <paramref name="reader"/>; <paramref name="source"/> names it in problems.</summary>
    public LobsterOrderbookReader(TextReader reader, string source, int levels)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        _reader = reader;
        _source = source;
        Levels = levels;
    }

    /// <summary>Levels per row.</summary>
    public int Levels { get; }

    /// <summary>Line number of the line read last (from 1, the header included).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Malformed data rows so far.</summary>
    public long MalformedCount { get; private set; }

    /// <summary>The first malformed lines.</summary>
    public IReadOnlyList<LobsterProblem> Problems => _problems;

    /// <summary>True for the dummy entry LOBSTER writes where a side has fewer levels than the file.</summary>
    public static bool IsEmptyLevel(long priceTicks, long size) => size == 0 || priceTicks is >= 9_999_999_999 or <= -9_999_999_999;

    /// <summary>
    /// Reads the next data row into <paramref name="row"/> (<see cref="Levels"/> x 4 values); false at
    /// the end of the file. <paramref name="reason"/> is <see cref="LobsterLineReason.Ok"/> for a good row.
    /// </summary>
    public bool TryRead(Span<long> row, out LobsterLineReason reason)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(row.Length, Levels * FieldsPerLevel);
        string? line = _reader.ReadLine();
        LineNumber++;
        if (line is not null && LineNumber == 1 && LobsterFields.IsHeader(line))
        {
            line = _reader.ReadLine();
            LineNumber++;
        }
        if (line is null)
        {
            reason = LobsterLineReason.Ok;
            return false;
        }
        reason = LobsterFields.ParseIntegers(line, row);
        if (reason != LobsterLineReason.Ok)
        {
            MalformedCount++;
            if (_problems.Count < LobsterMessageReader.MaxProblemsKept)
            {
                _problems.Add(new LobsterProblem(_source, LineNumber, reason));
            }
        }
        return true;
    }
}
