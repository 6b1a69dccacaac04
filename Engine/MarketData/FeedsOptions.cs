using Engine.Book;

namespace Engine.MarketData;

/// <summary>The market-data feeds the engine runs beside the synthetic market (config section <c>feeds</c>): live Kraken and Alpaca streams, a replayed file.</summary>
/// <remarks>
/// Instrument ids: the synthetic market's first, then the Kraken pairs, then the Alpaca symbols
/// (<see cref="AlpacaFeedOptions.Symbols"/>), each feed's in list order, when that feed is enabled;
/// then a replayed file's, known only once the host has read the file.
/// </remarks>
public sealed record FeedsOptions
{
    /// <summary>The Kraken WebSocket v1 book feed.</summary>
    public KrakenFeedOptions Kraken { get; set; } = new();

    /// <summary>The Alpaca market data v2 stream (trades, quotes, trading statuses).</summary>
    public AlpacaFeedOptions Alpaca { get; set; } = new();

    /// <summary>A recorded file replayed at its recorded pace (paper trading on replayed data).</summary>
    public ReplayFeedOptions Replay { get; set; } = new();

    /// <summary>
    /// CPUs the engine's own feed threads (the synthetic market's and the replay's) bind to; empty:
    /// anywhere. Keep them off <c>pipeline.thread.cpuSet</c>. The live feeds read on thread-pool threads, which are not bound.
    /// </summary>
    public List<int> CpuSet { get; set; } = [0];

    /// <summary>Whether a live feed (Kraken or Alpaca: venue times on the wall clock) is enabled. A method: derived, not a key.</summary>
    public bool AnyLive() => Kraken is { Enabled: true } || Alpaca is { Enabled: true };

    private bool KrakenOn => Kraken is { Enabled: true, Pairs: not null };

    // Lists set to null in the file are reported by the stream's own validation.
    private bool AlpacaOn => Alpaca is { Enabled: true, Trades: not null, Quotes: not null, Statuses: not null, Bars: not null, DailyBars: not null };

    /// <summary>The Kraken pairs, then the Alpaca symbols, of the feeds that are enabled: the instruments after the synthetic market's, in id order.</summary>
    public IEnumerable<(string Symbol, string Venue)> Instruments()
    {
        if (KrakenOn)
        {
            foreach (string pair in Kraken.Pairs)
            {
                yield return (pair, "KRAKEN");
            }
        }
        if (AlpacaOn)
        {
            foreach (string symbol in Alpaca.Symbols())
            {
                yield return (symbol, "ALPACA");
            }
        }
    }

    /// <summary>Adds every problem with these options to <paramref name="errors"/>, each with its key path.</summary>
    /// <param name="path">The section's key path (<c>feeds</c>).</param>
    /// <param name="errors">Where problems go.</param>
    /// <param name="firstInstrumentId">The id of the first feed instrument: the synthetic market's instrument count.</param>
    /// <param name="book">The books the instruments' ids and the Kraken depth must fit.</param>
    /// <param name="liveTrading">Whether orders go to a live venue: then every feed must use wss://.</param>
    public void Validate(string path, List<string> errors, int firstInstrumentId, BookOptions book, bool liveTrading)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(book);
        if (Kraken is null || Alpaca is null || Replay is null)
        {
            errors.Add($"{path}.{(Kraken is null ? "kraken" : Alpaca is null ? "alpaca" : "replay")}: must be an object");
            return;
        }
        Config.CpuSetValidation.Check(path + ".cpuSet", CpuSet, errors);
        Replay.Validate(path + ".replay", errors);
        Kraken.Validate(path + ".kraken", errors);
        Alpaca.Validate(path + ".alpaca", errors);
        bool kraken = KrakenOn;
        bool alpaca = AlpacaOn;
        if (kraken)
        {
            ValidateKraken(path + ".kraken", errors, book);
        }
        if (alpaca)
        {
            Alpaca.ValidateForEngine(path + ".alpaca", errors);
        }
        if (kraken || alpaca)
        {
            ValidateInstruments(path, errors, firstInstrumentId, book);
        }
        foreach (var (key, url, enabled) in new[] { ("kraken", Kraken.Url, kraken), ("alpaca", Alpaca.Url, alpaca) })
        {
            if (enabled && liveTrading && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme != "wss")
            {
                errors.Add($"{path}.{key}.url: '{url}' is plain ws://; live trading (venues.alpaca.mode Live) requires wss://");
            }
        }
    }

    private void ValidateKraken(string key, List<string> errors, BookOptions book)
    {
        if (Kraken.Pairs.Count == 0)
        {
            errors.Add($"{key}.pairs: the feed is enabled but lists no pair");
        }
        if (book.MaxLevelsPerSide < 2 * Kraken.Depth)
        {
            errors.Add($"{key}.depth: {Kraken.Depth} needs book.maxLevelsPerSide of at least {2 * Kraken.Depth} (an update adds its levels before the ones it pushes below the depth are removed); it is {book.MaxLevelsPerSide}");
        }
    }

    /// <summary>The feeds' symbols as instruments: none named like a synthetic one, none from two feeds, all within the books.</summary>
    private void ValidateInstruments(string path, List<string> errors, int firstInstrumentId, BookOptions book)
    {
        var venues = new Dictionary<string, string>(StringComparer.Ordinal);
        int count = 0;
        int krakenPairs = 0;
        foreach (var (symbol, venue) in Instruments())
        {
            count++;
            string key = venue == "KRAKEN" ? $"{path}.kraken.pairs[{krakenPairs++}]" : path + ".alpaca";
            if (symbol is null)
            {
                continue;
            }
            // The synthetic market's symbols are SYN0..SYNn-1; a feed symbol of the same name would share its id.
            if (symbol.StartsWith("SYN", StringComparison.Ordinal)
                && int.TryParse(symbol.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int id)
                && id < firstInstrumentId && symbol == $"SYN{id}")
            {
                errors.Add($"{key}: '{symbol}' is the name of a synthetic instrument; feed symbols look like XBT/USD (Kraken) or AAPL (Alpaca)");
            }
            // Duplicates within one feed are the stream's own validation's to report.
            if (!venues.TryAdd(symbol, venue) && venues[symbol] != venue)
            {
                errors.Add($"{key}: '{symbol}' is already an instrument of another feed; a symbol can come from one feed only");
            }
        }
        int end = firstInstrumentId + count;
        if (end > book.Instruments)
        {
            errors.Add($"{path}: the feeds' {count} instruments take ids {firstInstrumentId}..{end - 1} (after synthetic.instruments: Kraken pairs, then Alpaca symbols), beyond book.instruments ({book.Instruments}); raise book.instruments to at least {end}");
        }
    }
}
