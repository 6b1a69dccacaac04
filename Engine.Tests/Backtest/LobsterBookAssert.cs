using Engine.Book;
using Feeds;
using Feeds.Lobster;

namespace Engine.Tests.Backtest;

/// <summary>A book against a row of a LOBSTER orderbook file (the oracle): every level of the window, and nothing beyond it.</summary>
internal static class LobsterBookAssert
{
    /// <summary>Levels in the sample's orderbook file.</summary>
    public const int Levels = 10;

    /// <summary>A fresh row buffer for <see cref="LobsterOrderbookReader.TryRead"/>.</summary>
    public static long[] NewRow() => new long[Levels * LobsterOrderbookReader.FieldsPerLevel];

    /// <summary>Asserts that <paramref name="side"/> of <paramref name="book"/> is the row's, level by level.</summary>
    public static void SideIsRow(OrderBook book, Side side, long[] row, string where)
    {
        int offset = side == Side.Sell ? 0 : 2;
        for (int level = 0; level < Levels; level++)
        {
            long price = row[(level * LobsterOrderbookReader.FieldsPerLevel) + offset];
            long size = row[(level * LobsterOrderbookReader.FieldsPerLevel) + offset + 1];
            bool empty = LobsterOrderbookReader.IsEmptyLevel(price, size);
            bool has = book.TryGetLevel(side, level, out var actual);
            Assert.That(has, Is.EqualTo(!empty), $"{where} {side} level {level}");
            if (has)
            {
                Assert.That((actual.PriceTicks, actual.Quantity), Is.EqualTo((price, size)), $"{where} {side} level {level}");
            }
        }
        Assert.That(book.LevelCount(side), Is.LessThanOrEqualTo(Levels), $"{where}: levels out of the window are removed");
    }
}
