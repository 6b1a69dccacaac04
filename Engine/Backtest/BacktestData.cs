using Feeds;

namespace Engine.Backtest;

/// <summary>A recorded file decoded for a backtest: its market events in file order, with the engine's instrument ids, and what was malformed.</summary>
/// <remarks>Loaded whole before the run (80 bytes an event), so the run itself reads no file.</remarks>
public sealed class BacktestData(IReadOnlyList<BacktestInstrument> instruments, MarketDataEvent[] events, long malformed, IReadOnlyList<string> problems)
{
    /// <summary>The instruments, by id (0..n-1).</summary>
    public IReadOnlyList<BacktestInstrument> Instruments { get; } = instruments;

    /// <summary>The market events, in the order the file gives them.</summary>
    public MarketDataEvent[] Events { get; } = events;

    /// <summary>Input the decoder rejected (lines, messages, frames); the run goes on without them.</summary>
    public long Malformed { get; } = malformed;

    /// <summary>The first few problems, as text.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>Why the data cannot run, when it holds no market event (the file read from <paramref name="path"/> as <paramref name="format"/>); null when it has some.</summary>
    public string? NoEvents(string path, BacktestFormat format) =>
        Events.Length == 0 ? $"no market events in {path} ({Malformed} malformed): is it {format.ToString().ToLowerInvariant()} data?" : null;
}
