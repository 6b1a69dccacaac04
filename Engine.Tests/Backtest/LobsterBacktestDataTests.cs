using Engine.Backtest;
using Engine.Book;
using Feeds;
using Feeds.Lobster;

namespace Engine.Tests.Backtest;

public sealed class LobsterBacktestDataTests
{
    [Test]
    public void Load_WithOrderbook_BookAfterEveryMessageIsTheFilesRow()
    {
        var data = LobsterBacktestData.Load(BacktestFixture.Lobster("message"), BacktestFixture.Lobster("orderbook"));
        var book = new OrderBook(new BookOptions { Instruments = 1, MaxOrders = 16, MaxLevelsPerSide = 64 });
        using var rows = new StreamReader(BacktestFixture.Lobster("orderbook"));
        var reader = new LobsterOrderbookReader(rows, "orderbook", LobsterBookAssert.Levels);
        var row = LobsterBookAssert.NewRow();
        int next = 0;
        long compared = 0;

        for (long rowNumber = 1; reader.TryRead(row, out _); rowNumber++)
        {
            for (; next < data.Events.Length && data.Events[next].Sequence == rowNumber; next++)
            {
                var e = data.Events[next];
                Assert.That(book.Apply(ref e), Is.EqualTo(BookError.None));
            }
            LobsterBookAssert.SideIsRow(book, Side.Sell, row, $"row {rowNumber}");
            LobsterBookAssert.SideIsRow(book, Side.Buy, row, $"row {rowNumber}");
            compared++;
        }

        Assert.That((compared, next, data.Malformed), Is.EqualTo((999L, data.Events.Length, 0L)));
        Assert.That(data.Instruments, Is.EqualTo(new[] { new BacktestInstrument(0, "AAPL", 4) }));
    }

    [Test]
    public void Load_WithOrderbook_ExecutionsBecomeTradesOfTheAggressor()
    {
        var data = LobsterBacktestData.Load(BacktestFixture.Lobster("message"), BacktestFixture.Lobster("orderbook"));
        var messages = File.ReadAllLines(BacktestFixture.Lobster("message"));

        var trades = data.Events.Where(e => e.Kind == MarketDataKind.Trade).ToList();

        Assert.That(trades, Has.Count.EqualTo(messages.Count(m => m.Split(',')[1] is "4" or "5")));
        var first = trades[0];
        string[] fields = messages[first.Sequence - 1].Split(',');
        Assert.That((first.PriceTicks, first.Quantity), Is.EqualTo((long.Parse(fields[4]), long.Parse(fields[3]))));
        Assert.That(first.Side, Is.EqualTo(fields[5] == "1" ? Side.Sell : Side.Buy), "an execution of a resting buy was a sell");
    }

    [Test]
    public void Load_MessagesOnly_TheMessagesInOrder()
    {
        var data = LobsterBacktestData.Load(BacktestFixture.Lobster("message"), orderbookPath: null);

        Assert.That(data.Events, Has.Length.EqualTo(999));
        Assert.That(data.Events[0].Kind, Is.EqualTo(MarketDataKind.Add));
        Assert.That(data.Events.Select(e => e.Sequence), Is.Ordered.Ascending);
    }
}
