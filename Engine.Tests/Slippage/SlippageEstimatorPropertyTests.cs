using CsCheck;
using Engine.Book;
using Engine.Slippage;
using Feeds;
using static Engine.Tests.Book.BookEvents;

namespace Engine.Tests.Slippage;

/// <summary>
/// Random books and orders against <see cref="ReferenceSlippage"/>. Quantities, levels consumed and
/// flags must agree exactly. The average price must lie on the order's unfavourable side of the exact
/// value and within the documented rounding: one sub-tick for the average, plus, for the modelled
/// part, one sub-tick and the square root's error (1e-9 absolute, or 1e-6 absolute above a ratio
/// of 18.4, where the root is over 4.29).
/// Slippage must equal the exact value computed from the estimator's own average, rounded up.
/// </summary>
public sealed class SlippageEstimatorPropertyTests
{
    private sealed record Case(long[] BidGaps, long[] BidSizes, long[] AskGaps, long[] AskSizes, bool IsBuy, long Quantity, long? LimitOffset, int Coefficient, int Volatility, long Adv);

    private static readonly Gen<Case> s_case =
        Gen.Select(
            Gen.Long[1, 50].Array[0, 10], Gen.Long[1, 5_000].Array[10],
            Gen.Long[1, 50].Array[0, 10], Gen.Long[1, 5_000].Array[10],
            Gen.Bool, Gen.Long[1, 60_000], Gen.Long[-20, 200].Nullable(),
            Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 10_000], Gen.OneOf(Gen.Long[1, 100], Gen.Long[1, 10_000_000])))
        .Select((bidGaps, bidSizes, askGaps, askSizes, isBuy, quantity, limit, model) =>
            new Case(bidGaps, bidSizes, askGaps, askSizes, isBuy, quantity, limit, model.Item1, model.Item2, model.Item3));

    [Test]
    public void Estimate_RandomBooksAndOrders_AgreesWithTheReferenceWithinTheRounding()
    {
        s_case.Sample(Check, iter: 5_000);
    }

    private static void Check(Case c)
    {
        var book = new OrderBook(new BookOptions { MaxOrders = 16, MaxLevelsPerSide = 16 });
        var bids = Ladder(book, Side.Buy, 1_000_000, c.BidGaps, c.BidSizes);
        var asks = Ladder(book, Side.Sell, 1_000_001, c.AskGaps, c.AskSizes);
        var options = new SlippageOptions { Defaults = new ImpactModelOptions { ImpactCoefficientMilli = c.Coefficient, DailyVolatilityBps = c.Volatility, AverageDailyVolume = c.Adv } };
        var estimator = new SlippageEstimator(options, instruments: 1);
        var side = c.IsBuy ? Side.Buy : Side.Sell;
        var levels = c.IsBuy ? asks : bids;
        long? limit = c.LimitOffset is long offset ? (c.IsBuy ? 1_000_000 + offset : 1_000_001 - offset) : null;

        var actual = limit is long l ? estimator.EstimateLimit(book, 0, side, c.Quantity, l) : estimator.EstimateMarket(book, 0, side, c.Quantity);

        var reference = new ReferenceSlippage(levels, c.IsBuy, c.Coefficient, c.Volatility, c.Adv);
        var walk = reference.Walk(c.Quantity, limit);
        bool insufficient = walk.Remaining > 0 && !walk.StoppedByLimit;
        long modelled = insufficient && limit is null && walk.LastTicks > 0 ? walk.Remaining : 0;
        Require(actual.FilledQuantity == walk.Filled && actual.LevelsConsumed == walk.Levels && actual.InsufficientLiquidity == insufficient && actual.ModelledQuantity == modelled, c, actual, "quantities");
        Require(actual.TouchPriceTicks == (levels.Length > 0 ? levels[0].PriceTicks : 0), c, actual, "touch");
        long priced = walk.Filled + modelled;
        if (priced == 0)
        {
            Require(!actual.IsPriced && actual.AveragePriceSubTicks == 0, c, actual, "nothing priced");
            return;
        }
        decimal modelPrice = modelled > 0 ? reference.ModelPriceSubTicks(walk.LastTicks, modelled) : 0;
        decimal exact = ((walk.NotionalTicks * 10_000m) + (modelPrice * modelled)) / priced;
        decimal against = c.IsBuy ? actual.AveragePriceSubTicks - exact : exact - actual.AveragePriceSubTicks;
        decimal modelTolerance = modelled == 0 ? 0 : (1m + (walk.LastTicks * 10_000m * c.Coefficient * c.Volatility / 10_000_000m * RootError(modelled, c.Adv))) * modelled / priced;
        Require(against > -1e-9m && against <= 1m + modelTolerance, c, actual, $"average {actual.AveragePriceSubTicks}, exact {exact}, tolerance {1m + modelTolerance}");
        Require(actual.SlippageVsTouchCentiBps == AdverseCentiBps(actual.AveragePriceSubTicks, actual.TouchPriceTicks * 10_000, c.IsBuy), c, actual, "against the touch");
        bool twoSided = bids.Length > 0 && asks.Length > 0;
        long mid = twoSided ? (bids[0].PriceTicks + asks[0].PriceTicks) * 5_000 : 0;
        Require(actual.HasMid == twoSided && actual.SlippageVsMidCentiBps == (twoSided ? AdverseCentiBps(actual.AveragePriceSubTicks, mid, c.IsBuy) : 0), c, actual, "against the mid");
    }

    /// <summary>The estimator's root is at most 1e-9 over (ratio up to 18.4), else at most 1e-6 relative; the double only sizes the bound.</summary>
    private static decimal RootError(long quantity, long adv)
    {
        decimal root = (decimal)Math.Sqrt((double)quantity / adv);
        return root < 4.2m ? 2e-9m : 3e-7m * root;
    }

    private static long AdverseCentiBps(long average, long reference, bool isBuy)
    {
        decimal adverse = isBuy ? average - reference : reference - average;
        return (long)Math.Ceiling(adverse * 1_000_000m / reference);
    }

    private static (long PriceTicks, long Quantity)[] Ladder(OrderBook book, Side side, long touch, long[] gaps, long[] sizes)
    {
        var levels = new (long, long)[gaps.Length];
        long price = touch;
        for (int i = 0; i < gaps.Length; i++)
        {
            price = i == 0 ? touch : side == Side.Buy ? price - gaps[i] : price + gaps[i];
            levels[i] = (price, sizes[i]);
            var e = LevelSet(side, price, sizes[i]);
            book.Apply(ref e);
        }
        return levels;
    }

    private static void Require(bool holds, Case c, SlippageResult actual, string what)
    {
        if (!holds)
        {
            throw new AssertionException($"{what}: {actual} for {c.IsBuy} q={c.Quantity} limit={c.LimitOffset} model={c.Coefficient}/{c.Volatility}/{c.Adv}");
        }
    }
}
