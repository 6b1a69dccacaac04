using System.Globalization;
using Engine.Backtest;

namespace Engine.MarketData;

/// <summary>
/// A recorded file replayed into the running engine at its recorded pace (config section
/// <c>feeds.replay</c>): paper trading on replayed data, on the live threads, the wall clock and
/// the paper venue, where <c>engine backtest</c> runs the same file on one thread and a simulated clock.
/// </summary>
/// <remarks>
/// The file is read whole at start-up, as the backtest reads it (a file of tens of millions of
/// messages needs gigabytes). Its instruments take the ids after the synthetic market's and the
/// live feeds', in the file's order; risk must use the file's price decimals for them (4 for LOBSTER
/// and ITCH), or the start is refused naming the entry to add.
/// </remarks>
public sealed record ReplayFeedOptions
{
    /// <summary>Largest <see cref="Speed"/>.</summary>
    public const double MaxSpeed = 1_000_000;

    /// <summary>Whether the engine replays the file; off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>The file's format.</summary>
    public BacktestFormat Format { get; set; } = BacktestFormat.Lobster;

    /// <summary>The file: a LOBSTER message file, an ITCH 5.0 BinaryFILE or a recorded Kraken session.</summary>
    public string Path { get; set; } = "";

    /// <summary>LOBSTER only: the orderbook file that seeds the book as it stood before the first message; empty: none.</summary>
    public string OrderbookPath { get; set; } = "";

    /// <summary>ITCH and Kraken: the symbols to replay; empty: an ITCH file's 4 most active, every Kraken pair (as many as the instrument ids left).</summary>
    public IReadOnlyList<string> Symbols { get; set; } = [];

    /// <summary>LOBSTER and ITCH: the trading day (<c>YYYY-MM-DD</c>) the times count from; empty: a LOBSTER file name's date, else none.</summary>
    public string Date { get; set; } = "";

    /// <summary>Recorded time per wall-clock time: 1 replays at the recorded pace, 10 ten times faster; 0 as fast as the ring takes the events.</summary>
    public double Speed { get; set; } = 1;

    /// <summary>The trading day, parsed (validation made sure it parses).</summary>
    public DateOnly? Day() => Date.Length == 0 ? null : DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Adds every problem with these options to <paramref name="errors"/>; nothing is checked while disabled.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Enabled)
        {
            return;
        }
        if (!Enum.IsDefined(Format))
        {
            errors.Add($"{path}.format: must be Lobster, Itch or Kraken");
        }
        if (string.IsNullOrWhiteSpace(Path) || !File.Exists(Path))
        {
            errors.Add($"{path}.path: file not found: '{Path}'");
        }
        if (OrderbookPath is null || (OrderbookPath.Length > 0 && (Format != BacktestFormat.Lobster || !File.Exists(OrderbookPath))))
        {
            errors.Add($"{path}.orderbookPath: a LOBSTER orderbook file that exists, with format Lobster, or empty; got '{OrderbookPath}'");
        }
        if (Symbols is null || (Symbols.Count > 0 && Format == BacktestFormat.Lobster))
        {
            errors.Add($"{path}.symbols: a list of symbols for Itch or Kraken (a LOBSTER file holds one), or empty");
        }
        if (Date is null || (Date.Length > 0 && (Format == BacktestFormat.Kraken || !DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))))
        {
            errors.Add($"{path}.date: YYYY-MM-DD for Lobster or Itch (Kraken times are Unix times), or empty; got '{Date}'");
        }
        if (!(Speed == 0 || Speed is >= 0.001 and <= MaxSpeed))
        {
            errors.Add($"{path}.speed: {Speed.ToString(CultureInfo.InvariantCulture)} is outside 0 (as fast as the ring takes) or 0.001..{MaxSpeed.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
