using CsCheck;
using Engine.Book;
using Feeds;
using static Engine.Tests.Book.BookEvents;

namespace Engine.Tests.Book;

/// <summary>
/// Random operation sequences against <see cref="ReferenceBook"/>: after every step the outcome,
/// both sides' levels, the queue place of the order touched and every invariant must agree.
/// Small pools and prices that overlap across sides make full pools, full sides, unknown and
/// duplicate ids, and locked or crossed books common.
/// </summary>
public sealed class OrderBookPropertyTests
{
    private const int MaxOrders = 24;
    private const int MaxLevels = 5;

    private static readonly Gen<MarketDataEvent> s_orderOperation =
        Gen.Select(Gen.Int[0, 5], Gen.Long[1, 40], Gen.Long[95, 106], Gen.Long[0, 20], Gen.Long[1, 40], (kind, id, price, quantity, newId) => kind switch
        {
            0 or 1 => Add(id, price % 2 == 0 ? Side.Buy : Side.Sell, price, quantity),
            2 => Cancel(id, quantity),
            3 => Execute(id, quantity),
            4 => Delete(id),
            _ => Replace(id, newId, price, quantity),
        });

    private static readonly Gen<MarketDataEvent> s_levelOperation =
        Gen.Select(Gen.Int[0, 9], Gen.Long[95, 106], Gen.Long[0, 20], Gen.Long[0, 20], (kind, price, quantity, other) => kind switch
        {
            < 7 => LevelSet(other % 2 == 0 ? Side.Buy : Side.Sell, price, quantity),
            7 => Clear((Side)(other % 3)),
            _ => Quote(price, quantity, price + (other % 5) - 1, other),
        });

    [Test]
    public void Apply_RandomOrderByOrderSequences_MatchesTheReferenceAfterEveryStep()
    {
        s_orderOperation.Array[1, 300].Sample(operations => RunAgainstReference(operations), iter: 400);
    }

    [Test]
    public void Apply_RandomLevelAndQuoteSequences_MatchesTheReferenceAfterEveryStep()
    {
        s_levelOperation.Array[1, 300].Sample(operations => RunAgainstReference(operations), iter: 400);
    }

    private static void RunAgainstReference(MarketDataEvent[] operations)
    {
        var book = new OrderBook(new BookOptions { MaxOrders = MaxOrders, MaxLevelsPerSide = MaxLevels });
        var reference = new ReferenceBook(MaxOrders, MaxLevels);
        var depth = new BookLevel[MaxLevels];
        for (int step = 0; step < operations.Length; step++)
        {
            var e = operations[step];
            var expected = reference.Apply(in e);
            var actual = book.Apply(ref e);
            Require(actual == expected, step, $"outcome {actual}, reference {expected}");
            foreach (var side in new[] { Side.Buy, Side.Sell })
            {
                var levels = depth[..book.GetDepth(side, depth)];
                var expectedLevels = reference.Levels(side);
                Require(levels.SequenceEqual(expectedLevels), step, $"{side} levels [{string.Join(' ', levels)}], reference [{string.Join(' ', expectedLevels)}]");
            }
            book.AssertInvariants();
            string? violation = book.FindInvariantViolation();
            Require(violation is null, step, violation);
            RequireTopOfBook(book, step);
            long ahead = reference.SizeAheadAtPrice(e.Kind == MarketDataKind.Replace ? e.NewOrderId : e.OrderId);
            long bookAhead = book.TryGetQueuePosition(e.Kind == MarketDataKind.Replace ? e.NewOrderId : e.OrderId, out var position) ? position.AtPriceQuantity : -1;
            Require(ahead == bookAhead, step, $"queue ahead {bookAhead}, reference {ahead}");
        }
    }

    private static void RequireTopOfBook(OrderBook book, int step)
    {
        bool twoSided = book.TryGetBest(Side.Buy, out var bid) & book.TryGetBest(Side.Sell, out var ask);
        if (twoSided && bid.PriceTicks >= ask.PriceTicks)
        {
            var flagged = bid.PriceTicks == ask.PriceTicks ? BookCondition.Locked : BookCondition.Crossed;
            Require(book.Condition == flagged, step, $"bid {bid.PriceTicks} ask {ask.PriceTicks} but condition {book.Condition}");
        }
        else
        {
            Require(book.Condition == BookCondition.Normal, step, $"condition {book.Condition} on a normal book");
        }
    }

    private static void Require(bool holds, int step, string? what)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"step {step}: {what}");
        }
    }
}
