using Engine.Book;
using Feeds;
using Feeds.Lobster;

namespace Engine.Replay;

/// <summary>
/// The LOBSTER oracle for one transition: seeds an <see cref="OrderBook"/> from orderbook row i-1,
/// applies message i, and compares the book with row i at every level the book can know.
/// </summary>
/// <remarks>
/// A LOBSTER row is aggregated (L2), so the seed puts one stand-in order per level into the
/// order-by-order book, with negative ids that no LOBSTER order has. An add goes into the book as
/// it is; a cancel, delete or execution names an order that rested before the seed, so it is applied
/// to the stand-in order of its price level (a delete as a cancel of the order's size): the book's
/// own add, cancel and execute then move the level. Hidden executions and halts change nothing.
/// <para>
/// What the book can know: a side whose seed row had fewer than N levels is known entirely (LOBSTER
/// writes dummies where the book is shallower), so row i must match it level for level, including
/// where it is empty. A side whose seed filled all N levels is known only down to the seed's worst
/// price: levels of row i below the book's known levels came from deeper in the book and are not
/// compared.
/// </para>
/// </remarks>
internal sealed class LobsterTransitionChecker
{
    private const long AskIdBase = -1;
    private const long BidIdBase = -1_000_001;

    private readonly int _levels;
    private readonly OrderBook _book;
    private readonly BookLevel[] _depth;

    public LobsterTransitionChecker(int levels)
    {
        _levels = levels;
        _book = new OrderBook(new BookOptions { Instruments = 1, MaxOrders = (2 * levels) + 2, MaxLevelsPerSide = levels + 2 });
        _depth = new BookLevel[levels + 2];
    }

    /// <summary>The book after the last <see cref="Check"/>.</summary>
    public OrderBook Book => _book;

    /// <summary>
    /// Seeds from <paramref name="previousRow"/>, applies <paramref name="message"/>, compares with
    /// <paramref name="row"/>; returns null when they agree, else what differs.
    /// </summary>
    public string? Check(ReadOnlySpan<long> previousRow, ref MarketDataEvent message, ReadOnlySpan<long> row)
    {
        Seed(previousRow);
        Apply(previousRow, ref message);
        return CompareSide(Side.Sell, previousRow, row) ?? CompareSide(Side.Buy, previousRow, row);
    }

    private static int PriceField(Side side, int level) => (level * LobsterOrderbookReader.FieldsPerLevel) + (side == Side.Sell ? 0 : 2);

    private static long SeedId(Side side, int level) => (side == Side.Sell ? AskIdBase : BidIdBase) - level;

    private void Seed(ReadOnlySpan<long> previousRow)
    {
        _book.Clear();
        var add = new MarketDataEvent { Kind = MarketDataKind.Add };
        for (int level = 0; level < _levels; level++)
        {
            foreach (var side in (ReadOnlySpan<Side>)[Side.Sell, Side.Buy])
            {
                int field = PriceField(side, level);
                if (!LobsterOrderbookReader.IsEmptyLevel(previousRow[field], previousRow[field + 1]))
                {
                    add.OrderId = SeedId(side, level);
                    add.Side = side;
                    add.PriceTicks = previousRow[field];
                    add.Quantity = previousRow[field + 1];
                    _book.Apply(ref add);
                }
            }
        }
    }

    private void Apply(ReadOnlySpan<long> previousRow, ref MarketDataEvent message)
    {
        if (message.Kind is not (MarketDataKind.Cancel or MarketDataKind.Delete or MarketDataKind.Execute))
        {
            _book.Apply(ref message);
            return;
        }
        var onLevel = message;
        onLevel.Kind = message.Kind == MarketDataKind.Execute ? MarketDataKind.Execute : MarketDataKind.Cancel;
        for (int level = 0; level < _levels; level++)
        {
            int field = PriceField(message.Side, level);
            if (previousRow[field] == message.PriceTicks && !LobsterOrderbookReader.IsEmptyLevel(previousRow[field], previousRow[field + 1]))
            {
                onLevel.OrderId = SeedId(message.Side, level);
                break;
            }
        }
        // No seeded level at the price: the book does not hold the order and counts it as unknown.
        _book.Apply(ref onLevel);
    }

    private string? CompareSide(Side side, ReadOnlySpan<long> previousRow, ReadOnlySpan<long> row)
    {
        int seeded = 0;
        while (seeded < _levels && !LobsterOrderbookReader.IsEmptyLevel(previousRow[PriceField(side, seeded)], previousRow[PriceField(side, seeded) + 1]))
        {
            seeded++;
        }
        bool windowWasFull = seeded == _levels;
        long worstSeeded = windowWasFull ? previousRow[PriceField(side, _levels - 1)] : 0;
        int engineLevels = _book.GetDepth(side, _depth);
        int known = 0;
        while (known < engineLevels && known < _levels
            && (!windowWasFull || _depth[known].PriceTicks == worstSeeded || IsBetter(side, _depth[known].PriceTicks, worstSeeded)))
        {
            known++;
        }
        for (int level = 0; level < _levels; level++)
        {
            int field = PriceField(side, level);
            bool rowEmpty = LobsterOrderbookReader.IsEmptyLevel(row[field], row[field + 1]);
            if (level < known)
            {
                if (rowEmpty || row[field] != _depth[level].PriceTicks || row[field + 1] != _depth[level].Quantity)
                {
                    return $"{side} level {level + 1}: book {_depth[level].PriceTicks} x {_depth[level].Quantity}, file {row[field]} x {row[field + 1]}";
                }
            }
            else if (!windowWasFull && !rowEmpty)
            {
                return $"{side} level {level + 1}: book has no level, file {row[field]} x {row[field + 1]}";
            }
        }
        return null;
    }

    private static bool IsBetter(Side side, long priceTicks, long thanPriceTicks) => side == Side.Buy ? priceTicks > thanPriceTicks : priceTicks < thanPriceTicks;
}
