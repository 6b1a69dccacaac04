using System.Globalization;
using System.Text;

namespace Engine.Book;

/// <summary>
/// A reading of <see cref="OrderBooks"/>' error counts, kind by kind, taken from any thread (the
/// metrics, the status line, a backtest's report), and what changed between two readings.
/// </summary>
/// <remarks>Allocates: not for the loop thread.</remarks>
public sealed class BookErrorCounts
{
    /// <summary>Every kind of error (<see cref="BookError"/> without <see cref="BookError.None"/>).</summary>
    public static IReadOnlyList<BookError> Kinds { get; } = [.. Enum.GetValues<BookError>().Where(kind => kind != BookError.None)];

    private readonly long[] _counts;

    private BookErrorCounts(long[] counts) => _counts = counts;

    /// <summary>The books' counts now.</summary>
    public static BookErrorCounts Read(OrderBooks books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var counts = new long[Enum.GetValues<BookError>().Length];
        foreach (var kind in Kinds)
        {
            counts[(int)kind] = books.ErrorCount(kind);
        }
        return new BookErrorCounts(counts);
    }

    /// <summary>Events that ended in <paramref name="kind"/>.</summary>
    public long this[BookError kind] => _counts[(int)kind];

    /// <summary>Events that ended in any error.</summary>
    public long Total => _counts.Sum();

    /// <summary>What rose since <paramref name="earlier"/>, a reading of the same books.</summary>
    public BookErrorCounts Since(BookErrorCounts earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var counts = new long[_counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = _counts[i] - earlier._counts[i];
        }
        return new BookErrorCounts(counts);
    }

    /// <summary>The kinds that occurred, each with its count (the kind's name as the metrics label it).</summary>
    public IReadOnlyDictionary<string, long> ByKind()
    {
        var byKind = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var kind in Kinds)
        {
            if (this[kind] > 0)
            {
                byKind[kind.ToString()] = this[kind];
            }
        }
        return byKind;
    }

    /// <summary>
    /// The kinds that occurred for a person, with the setting to raise when the books' size is the
    /// cause: "LevelsFull 350 (raise book.maxLevelsPerSide), UnknownOrder 3"; empty without errors.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var kind in Kinds)
        {
            if (this[kind] == 0)
            {
                continue;
            }
            text.Append(text.Length > 0 ? ", " : "").Append(kind).Append(' ').Append(this[kind].ToString(CultureInfo.InvariantCulture));
            text.Append(kind switch
            {
                BookError.LevelsFull => " (raise book.maxLevelsPerSide)",
                BookError.OrderPoolFull => " (raise book.maxOrders)",
                _ => "",
            });
        }
        return text.ToString();
    }
}
