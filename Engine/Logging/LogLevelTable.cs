using Microsoft.Extensions.Logging;

namespace Engine.Logging;

/// <summary>
/// The level of each category: the level of the longest configured prefix the category starts with
/// (ordinal, ignoring case), else the minimum level. Immutable: a reload builds a new table and the
/// provider swaps the reference.
/// </summary>
/// <remarks>Any thread. <see cref="LevelFor"/> scans the prefixes; loggers call it once per table, not per event.</remarks>
internal sealed class LogLevelTable
{
    // Longest first, so the first match is the longest match.
    private readonly KeyValuePair<string, LogLevel>[] _prefixes;

    /// <summary>Builds the table of <paramref name="options"/>' <c>minimumLevel</c> and <c>levels</c>.</summary>
    public LogLevelTable(LoggingOptions options)
    {
        Minimum = options.MinimumLevel;
        _prefixes = [.. options.Levels];
        Array.Sort(_prefixes, static (a, b) => b.Key.Length.CompareTo(a.Key.Length));
    }

    /// <summary>The level of categories no prefix matches.</summary>
    public LogLevel Minimum { get; }

    /// <summary>The lowest level <paramref name="category"/> writes.</summary>
    public LogLevel LevelFor(string category)
    {
        foreach (var (prefix, level) in _prefixes)
        {
            if (category.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }
        return Minimum;
    }
}
