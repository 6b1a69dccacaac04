using Engine.Book;

namespace Engine.MarketData;

/// <summary>The live market-data feeds the engine runs beside the synthetic market (config section <c>feeds</c>).</summary>
public sealed record FeedsOptions
{
    /// <summary>The Kraken WebSocket v1 book feed.</summary>
    public KrakenFeedOptions Kraken { get; set; } = new();

    /// <summary>Adds every problem with these options to <paramref name="errors"/>, each with its key path.</summary>
    /// <param name="path">The section's key path (<c>feeds</c>).</param>
    /// <param name="errors">Where problems go.</param>
    /// <param name="firstInstrumentId">The id of the first Kraken pair: the synthetic market's instrument count.</param>
    /// <param name="book">The books the pairs' ids and depth must fit.</param>
    /// <param name="liveTrading">Whether orders go to a live venue: then the feed must use wss://.</param>
    public void Validate(string path, List<string> errors, int firstInstrumentId, BookOptions book, bool liveTrading)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(book);
        string key = path + ".kraken";
        if (Kraken is null)
        {
            errors.Add($"{key}: must be an object");
            return;
        }
        Kraken.Validate(key, errors);
        if (!Kraken.Enabled || Kraken.Pairs is null)
        {
            return;
        }
        if (Kraken.Pairs.Count == 0)
        {
            errors.Add($"{key}.pairs: the feed is enabled but lists no pair");
        }
        for (int i = 0; i < Kraken.Pairs.Count; i++)
        {
            // The synthetic market's symbols are SYN0..SYNn-1; a pair of the same name would share its id.
            string? pair = Kraken.Pairs[i];
            if (pair is not null && pair.StartsWith("SYN", StringComparison.Ordinal)
                && int.TryParse(pair.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int id)
                && id < firstInstrumentId && pair == $"SYN{id}")
            {
                errors.Add($"{key}.pairs[{i}]: '{pair}' is the name of a synthetic instrument; Kraken pairs look like XBT/USD");
            }
        }
        int end = firstInstrumentId + Kraken.Pairs.Count;
        if (end > book.Instruments)
        {
            errors.Add($"{key}.pairs: {Kraken.Pairs.Count} pairs take instrument ids {firstInstrumentId}..{end - 1} (after synthetic.instruments), beyond book.instruments ({book.Instruments}); raise book.instruments to at least {end}");
        }
        if (book.MaxLevelsPerSide < 2 * Kraken.Depth)
        {
            errors.Add($"{key}.depth: {Kraken.Depth} needs book.maxLevelsPerSide of at least {2 * Kraken.Depth} (an update adds its levels before the ones it pushes below the depth are removed); it is {book.MaxLevelsPerSide}");
        }
        if (liveTrading && Uri.TryCreate(Kraken.Url, UriKind.Absolute, out var url) && url.Scheme != "wss")
        {
            errors.Add($"{key}.url: '{Kraken.Url}' is plain ws://; live trading (venues.alpaca.mode Live) requires wss://");
        }
    }
}
