using Engine.Backtest;
using Feeds;
using Feeds.Instruments;
using Feeds.Itch;

namespace Engine.Tests.Backtest;

public sealed class ItchBacktestDataTests
{
    /// <summary>The file decoded whole into memory, then the chosen stocks kept: what the loader did before it read twice.</summary>
    private static (BacktestInstrument[] Instruments, MarketDataEvent[] Events) DecodedWholeThenSelected(IReadOnlyList<string> symbols)
    {
        var table = new InstrumentTable(ushort.MaxValue + 1);
        var all = new EventCollector();
        new ItchBinaryFileReader(new ItchDecoder(table, all)).ReadFileAsync(BacktestFixture.Itch, CancellationToken.None).GetAwaiter().GetResult();
        var chosen = symbols.Select(symbol => table.TryGetId(symbol, out int id) ? id : throw new AssertionException(symbol)).ToList();
        return InstrumentSelection.Apply(table, all.Events, chosen, quantityDecimals: 0);
    }

    /// <summary>The events with the reader's receive stamps (its clock as it read them) cleared: the rest is the file's.</summary>
    private static MarketDataEvent[] WithoutReceiveTimes(MarketDataEvent[] events) => [.. events.Select(e => e with { TsRecvNs = 0 })];

    [TestCase("ALC", "BOB")]
    [TestCase("BOB", "ALC")]
    public void Load_NamedSymbols_KeepsWhatDecodingTheWholeFileKeeps(params string[] symbols)
    {
        var loaded = ItchBacktestData.Load(BacktestFixture.Itch, symbols, books: 4);
        var expected = DecodedWholeThenSelected(symbols);

        Assert.That(loaded.Instruments, Is.EqualTo(expected.Instruments));
        Assert.That(WithoutReceiveTimes(loaded.Events), Is.EqualTo(WithoutReceiveTimes(expected.Events)), "the same events, in order, renumbered in the order named");
    }

    [Test]
    public void Load_MostActive_KeepsWhatDecodingTheWholeFileKeeps()
    {
        var loaded = ItchBacktestData.Load(BacktestFixture.Itch, symbols: null, books: 16);
        var expected = DecodedWholeThenSelected([.. loaded.Instruments.Select(i => i.Symbol)]);

        Assert.That(loaded.Instruments, Has.Count.InRange(1, ItchBacktestData.DefaultSymbols));
        Assert.That(WithoutReceiveTimes(loaded.Events), Is.EqualTo(WithoutReceiveTimes(expected.Events)));
    }

    [Test]
    public void SelectedEvents_KeepsTheChosenRenumberedAndTheFeedWide()
    {
        var table = new InstrumentTable(8);
        foreach (string symbol in new[] { "A", "B", "C" })
        {
            table.GetOrAdd(symbol, 4);
        }
        var selected = new SelectedEvents(table, [2, 0], quantityDecimals: 0);

        foreach (int id in new[] { 0, 1, 2, -1, 1, 0 })
        {
            selected.Publish(new MarketDataEvent { InstrumentId = id, OrderId = 10 + id });
        }

        Assert.That(selected.Instruments.Select(i => (i.Id, i.Symbol)), Is.EqualTo(new[] { (0, "C"), (1, "A") }));
        Assert.That(selected.Events.Select(e => (e.InstrumentId, e.OrderId)), Is.EqualTo(new[] { (1, 10L), (0, 12L), (-1, 9L), (1, 10L) }));
    }
}
